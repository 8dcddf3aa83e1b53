package io.stormglass.engine.event;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Compares the event streams of two runs of the same simulation advanced in lockstep (the habit of
 * Cassandra's simulator): run A records each dispatched event through {@link #leader()}, run B is
 * checked against them through {@link #follower()}, one slice of virtual time at a time. The first
 * event where the two differ (or where one run has an event the other has not) is kept, with both
 * sides, so a determinism break is located rather than merely detected by a fingerprint mismatch.
 *
 * <p>Usage per slice: advance A to time {@code t}, then B to {@code t}, then call {@link #endSlice()};
 * memory holds one slice of A's events.
 */
public final class Lockstep {
    /** One dispatched event as both runs describe it. */
    public record Event(long index, long timeNanos, String kind, long key) {
        @Override
        public String toString() {
            return "#" + index + " at " + timeNanos + " ns: " + kind + " (key " + key + ")";
        }
    }

    /** Where the runs first differ; a side is null when that run had no event there. */
    public record Divergence(Event a, Event b) {
    }

    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private Divergence divergence;
    private long compared;

    /** The listener for run A. */
    public DispatchListener leader() {
        return (index, time, kind, key) -> {
            if (divergence == null) {
                pending.addLast(new Event(index, time, kind.name(), key));
            }
        };
    }

    /** The listener for run B. */
    public DispatchListener follower() {
        return (index, time, kind, key) -> {
            if (divergence != null) {
                return;
            }
            Event b = new Event(index, time, kind.name(), key);
            Event a = pending.pollFirst();
            if (a == null || !a.equals(b)) {
                divergence = new Divergence(a, b);
            } else {
                compared++;
            }
        };
    }

    /** Both runs reached the end of a slice: an event A had and B did not is a divergence. */
    public void endSlice() {
        if (divergence == null && !pending.isEmpty()) {
            divergence = new Divergence(pending.peekFirst(), null);
        }
        pending.clear();
    }

    /** Events found identical so far. */
    public long comparedEvents() {
        return compared;
    }

    /** The first difference, if any. */
    public Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }
}
