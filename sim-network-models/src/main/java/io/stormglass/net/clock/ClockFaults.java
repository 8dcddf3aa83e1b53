package io.stormglass.net.clock;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.Locale;

/**
 * Clock faults on a schedule: steps of a node's wall clock and changes of its drift, each
 * written to the timeline as a {@link TimelineEvent.FaultChanged} with target {@code clock/n<id>}.
 * A step is instantaneous, so it is recorded once, as active; a drift change is active while the
 * new drift is not zero.
 */
public final class ClockFaults {
    private static final EventKind CLOCK_FAULT = EventKind.named("clock.fault");

    private final Scheduler scheduler;
    private final Timeline timeline;

    public ClockFaults(Scheduler scheduler, Timeline timeline) {
        this.scheduler = scheduler;
        this.timeline = timeline;
    }

    /** At true time {@code atNanos}, steps {@code node}'s wall clock by {@code deltaNanos} (negative: backwards). */
    public void stepAt(long atNanos, int node, NodeClock clock, long deltaNanos) {
        scheduler.scheduleAt(atNanos, CLOCK_FAULT, node, () -> {
            clock.step(deltaNanos);
            record(node, String.format(Locale.ROOT, "step %+.3fms", deltaNanos / 1e6), true);
        });
    }

    /** At true time {@code atNanos}, sets {@code node}'s drift to {@code driftPpm}. */
    public void driftAt(long atNanos, int node, NodeClock clock, long driftPpm) {
        scheduler.scheduleAt(atNanos, CLOCK_FAULT, node, () -> {
            clock.setDriftPpm(driftPpm);
            record(node, String.format(Locale.ROOT, "drift %+dppm", driftPpm), driftPpm != 0);
        });
    }

    private void record(int node, String description, boolean active) {
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), "clock/n" + node, description, active));
    }
}
