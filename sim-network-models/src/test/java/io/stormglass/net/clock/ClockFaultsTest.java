package io.stormglass.net.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockFaultsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void scheduledStepsAndDriftChangesApplyAndAreRecorded() {
        Simulation sim = new Simulation();
        Recorder recorder = new Recorder(sim);
        NodeClock clock = new NodeClock(sim, ClockOptions.perfect());
        ClockFaults faults = new ClockFaults(sim, recorder.timeline());
        faults.driftAt(10 * SECOND, 2, clock, 200);
        faults.stepAt(20 * SECOND, 2, clock, -1_500_000);
        faults.driftAt(30 * SECOND, 2, clock, 0);
        sim.runUntil(40 * SECOND);
        // 20 s at +200 ppm gained 4 ms; the step took 1.5 ms off the wall clock only
        assertEquals(40 * SECOND + 4_000_000, clock.monotonicNanos());
        assertEquals(40 * SECOND + 2_500_000, clock.nowNanos());
        assertEquals(List.of(
                new TimelineEvent.FaultChanged(10 * SECOND, "clock/n2", "drift +200ppm", true),
                new TimelineEvent.FaultChanged(20 * SECOND, "clock/n2", "step -1.500ms", true),
                new TimelineEvent.FaultChanged(30 * SECOND, "clock/n2", "drift +0ppm", false)),
                recorder.timeline().eventsOf(TimelineEvent.FaultChanged.class));
    }
}
