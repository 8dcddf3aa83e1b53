package io.stormglass.report.internal.analysis;

import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A span of neighbour activity ({@code ActivityMarked}, labelled {@code source: label}) or of an
 * active fault ({@code FaultChanged}, labelled {@code target: description}) over
 * {@code [startNanos, endNanos)}. A span still open at the end of the run ends there; an end
 * without a begin is ignored. Membership actions (target {@code membership}) are instants, not spans: the
 * leader timeline marks them on its own.
 */
public record MarkedSpan(boolean fault, String label, long startNanos, long endNanos) {

    /** Whether the span meets the closed interval {@code [fromNanos, toNanos]}. */
    public boolean overlaps(long fromNanos, long toNanos) {
        return startNanos <= toNanos && endNanos >= fromNanos;
    }

    /** Every span of {@code events}, ordered by start time, then label. */
    public static List<MarkedSpan> of(List<? extends TimelineEvent> events, long endNanos) {
        SortedMap<String, Long> bursts = new TreeMap<>();
        SortedMap<String, Long> faults = new TreeMap<>();
        List<MarkedSpan> out = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.ActivityMarked a) {
                track(out, bursts, false, a.source() + ": " + a.label(), a.begins(), a.timeNanos());
            } else if (e instanceof TimelineEvent.FaultChanged f && !f.target().equals(TimelineEvent.FaultChanged.MEMBERSHIP)) {
                track(out, faults, true, f.target() + ": " + f.description(), f.active(), f.timeNanos());
            }
        }
        bursts.forEach((label, since) -> out.add(new MarkedSpan(false, label, since, Math.max(since, endNanos))));
        faults.forEach((label, since) -> out.add(new MarkedSpan(true, label, since, Math.max(since, endNanos))));
        out.sort(Comparator.comparingLong(MarkedSpan::startNanos).thenComparing(MarkedSpan::label));
        return out;
    }

    private static void track(List<MarkedSpan> out, SortedMap<String, Long> open, boolean fault, String label,
                              boolean begins, long t) {
        if (begins) {
            open.putIfAbsent(label, t);
        } else {
            Long since = open.remove(label);
            if (since != null) {
                out.add(new MarkedSpan(fault, label, since, t));
            }
        }
    }
}
