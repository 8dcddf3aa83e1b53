package io.stormglass.net.partition;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.Map;

/**
 * Switches network faults on and off on virtual time and writes each switch to the timeline as
 * a {@link TimelineEvent.FaultChanged} with target {@code "net"}.
 */
public final class FaultSchedule {
    /** Timeline target of every network fault. */
    public static final String TARGET = "net";
    private static final EventKind SWITCH = EventKind.named("net.fault");

    private final Scheduler scheduler;
    private final Timeline timeline;
    private final ActiveFaults faults;
    /** Bumped by {@link #healAll()}: a switch scheduled under an older epoch does nothing. */
    private long epoch;

    public FaultSchedule(Scheduler scheduler, Timeline timeline, ActiveFaults faults) {
        this.scheduler = scheduler;
        this.timeline = timeline;
        this.faults = faults;
    }

    /** Switches {@code fault} on now; returns the id for {@link #heal(long, NetworkFault)}. */
    public long start(NetworkFault fault) {
        long id = faults.activate(fault);
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), TARGET, fault.describe(), true));
        return id;
    }

    /** Switches the activation {@code id} of {@code fault} off now (no-op if already healed). */
    public void heal(long id, NetworkFault fault) {
        if (faults.heal(id)) {
            timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), TARGET, fault.describe(), false));
        }
    }

    /**
     * Ends every network fault now: heals each active one and drops every switch still scheduled
     * (later starts, flapping toggles), so the network stays whole from here on unless new faults
     * are scheduled.
     */
    public void healAll() {
        epoch++;
        for (Map.Entry<Long, NetworkFault> e : faults.activeById().entrySet()) {
            heal(e.getKey(), e.getValue());
        }
    }

    /** {@code fault} is active during {@code [startNanos, startNanos + durationNanos)}. */
    public void during(long startNanos, long durationNanos, NetworkFault fault) {
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("a fault needs a positive duration: " + durationNanos + " ns");
        }
        long key = key(fault);
        long scheduledEpoch = epoch;
        scheduler.scheduleAt(startNanos, SWITCH, key, () -> {
            if (epoch != scheduledEpoch) {
                return;
            }
            long id = start(fault);
            scheduler.schedule(durationNanos, SWITCH, key, () -> heal(id, fault));
        });
    }

    /**
     * A flapping fault: on during {@code [start, start + period)}, off during the next period, on
     * again, and so on, switching every {@code periodNanos} until {@code endNanos}, when it is
     * left healed. So it toggles at exactly its period, as a flapping route or a bad cable does.
     */
    public void flapping(long startNanos, long endNanos, long periodNanos, NetworkFault fault) {
        if (periodNanos <= 0 || endNanos <= startNanos) {
            throw new IllegalArgumentException("flapping needs a positive period and end after start");
        }
        long scheduledEpoch = epoch;
        scheduler.scheduleAt(startNanos, SWITCH, key(fault), () -> flap(endNanos, periodNanos, fault, scheduledEpoch));
    }

    private void flap(long endNanos, long periodNanos, NetworkFault fault, long scheduledEpoch) {
        if (epoch != scheduledEpoch) {
            return;
        }
        long id = start(fault);
        long offAt = Math.min(endNanos, scheduler.nowNanos() + periodNanos);
        long key = key(fault);
        scheduler.scheduleAt(offAt, SWITCH, key, () -> {
            heal(id, fault);
            long onAt = scheduler.nowNanos() + periodNanos;
            if (onAt < endNanos) {
                scheduler.scheduleAt(onAt, SWITCH, key, () -> flap(endNanos, periodNanos, fault, scheduledEpoch));
            }
        });
    }

    private static long key(NetworkFault fault) {
        return Hashing.fnv1a64(fault.describe());
    }
}
