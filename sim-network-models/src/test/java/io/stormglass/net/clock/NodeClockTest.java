package io.stormglass.net.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.Ticker;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class NodeClockTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plus500PpmSees100Point05SecondsIn100TrueSeconds() {
        Simulation sim = new Simulation();
        NodeClock clock = new NodeClock(sim, ClockOptions.drift(500));
        sim.runUntil(100 * SECOND);
        assertEquals(100_050_000_000L, clock.nowNanos());
        assertEquals(100_050_000_000L, clock.monotonicNanos());
        NodeClock slow = new NodeClock(() -> 0, ClockOptions.drift(-500));
        assertEquals(99_950_000_000L, slow.monotonicAt(100 * SECOND));
    }

    @Test
    void stepsMoveTheWallClockButNotTheMonotonicOne() {
        Simulation sim = new Simulation();
        NodeClock clock = new NodeClock(sim, new ClockOptions(0, 2.5));
        assertEquals(2_500_000, clock.nowNanos());
        sim.runUntil(SECOND);
        clock.step(-3 * SECOND);
        assertEquals(SECOND - 3 * SECOND + 2_500_000, clock.nowNanos(), "the wall clock went backwards");
        assertEquals(SECOND, clock.monotonicNanos(), "monotonic time is untouched");
    }

    @Test
    void driftChangesStartANewSegment() {
        Simulation sim = new Simulation();
        NodeClock clock = new NodeClock(sim, ClockOptions.drift(1000));
        sim.runUntil(10 * SECOND);
        assertEquals(10_010_000_000L, clock.monotonicNanos());
        clock.setDriftPpm(-1000);
        sim.runUntil(20 * SECOND);
        assertEquals(20_000_000_000L, clock.monotonicNanos(), "+10 ms then -10 ms");
        assertThrows(IllegalArgumentException.class, () -> clock.setDriftPpm(200_000));
    }

    @Property(tries = 300)
    void trueTimeAtInvertsMonotonicAt(@ForAll @LongRange(min = -100_000, max = 100_000) long ppm,
                                      @ForAll @LongRange(min = 0, max = 30L * 86_400 * SECOND) long local) {
        NodeClock clock = new NodeClock(() -> 0, ClockOptions.drift(ppm));
        long t = clock.trueTimeAt(local);
        assertTrue(clock.monotonicAt(t) >= local, "reached at " + t);
        assertTrue(t == 0 || clock.monotonicAt(t - 1) < local, "earliest such instant");
    }

    @Test
    void aTickerOnLocalTimeTicksAtTheNodesPace() {
        Simulation sim = new Simulation();
        NodeClock slow = new NodeClock(sim, ClockOptions.drift(-500));
        LocalScheduler local = new LocalScheduler(sim, slow);
        SerialExecutor loop = new SerialExecutor(sim, "raft/n1");
        List<Long> ticksAtTrue = new ArrayList<>();
        Ticker ticker = new Ticker(local, loop, "tick/n1", 100_000_000L, ctx -> ticksAtTrue.add(sim.nowNanos()));
        ticker.start();
        // 1000 local ticks of 100 ms need 100 s / (1 - 500e-6) = 100.050025 s of true time
        sim.runUntil(100_050_025_012L);
        assertEquals(999, ticksAtTrue.size());
        sim.runUntil(100_050_025_013L);
        assertEquals(1000, ticksAtTrue.size());
        assertEquals(100_050_025_013L, ticksAtTrue.get(999));
        // a true-time ticker would have finished its 1000 ticks at 100 s, 50 ms earlier
        assertEquals(1000, ticker.deliveredTicks());
        assertEquals(100_000_000_000L, local.nowNanos(), "local time at the 1000th tick");
        ticker.stop();
    }
}
