package io.stormglass.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timed wait wakes one slack plus a measured wake-up latency late, and a re-arm from the wake restarts there. */
class DeadlineTimerTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final TimerWakeup LINUX = TimerWakeup.linux(TimerWakeup.LINUX_DEFAULT_SLACK_NANOS);
    /** The histogram's first non-empty bin starts at 1 µs, its last ends at 59 µs. */
    private static final long EARLIEST = 50 * US + US;
    private static final long LATEST = 50 * US + 59 * US;

    @Test
    void aTimerWakesLateWithinTheSlackAndTheMeasuredLatency() {
        for (long seed = 1; seed <= 200; seed++) {
            Simulation sim = new Simulation();
            List<Long> wakes = new ArrayList<>();
            DeadlineTimer timer = new DeadlineTimer(sim, "t", LINUX, new SimRandom(seed), () -> wakes.add(sim.nowNanos()));
            timer.arm(150 * MS);
            assertEquals(150 * MS, timer.deadlineNanos());
            sim.runUntil(151 * MS);
            assertEquals(1, wakes.size());
            long lateness = wakes.get(0) - 150 * MS;
            assertTrue(lateness >= EARLIEST && lateness < LATEST, "seed " + seed + ": " + lateness + " ns late");
            assertFalse(timer.armed());
        }
    }

    @Test
    void reArmingOnWakeRestartsTheTimeoutFromTheLateMoment() {
        Simulation sim = new Simulation();
        List<Long> wakes = new ArrayList<>();
        DeadlineTimer[] timer = new DeadlineTimer[1];
        timer[0] = new DeadlineTimer(sim, "t", LINUX, new SimRandom(7), () -> {
            wakes.add(sim.nowNanos());
            timer[0].arm(150 * MS);
        });
        timer[0].arm(150 * MS);
        sim.runUntil(1_000 * MS);

        assertEquals(6, wakes.size());
        long previous = 0;
        for (long wake : wakes) {
            long period = wake - previous;
            assertTrue(period >= 150 * MS + EARLIEST && period < 150 * MS + LATEST, "each wait starts where the last woke: " + period);
            previous = wake;
        }
        assertTrue(wakes.get(5) > 6 * 150 * MS + 6 * EARLIEST, "the lateness accumulates: " + wakes.get(5));
    }

    @Test
    void theSameSeedGivesTheSameWakesAndAnotherSeedOthers() {
        assertEquals(wakes(11), wakes(11));
        assertNotEquals(wakes(11), wakes(12));
    }

    @Test
    void aDeadlineReArmedWhileItsThreadWakesNeverWakesIt() {
        Simulation sim = new Simulation();
        List<Long> wakes = new ArrayList<>();
        DeadlineTimer timer = new DeadlineTimer(sim, "t", LINUX, new SimRandom(3), () -> wakes.add(sim.nowNanos()));
        timer.arm(10 * MS);
        // the kernel timer expired at 10 ms; the thread has not run yet when the deadline moves
        sim.scheduleAt(10 * MS + 20 * US, EventKind.named("test.rearm"), 0, () -> timer.arm(10 * MS));
        sim.runUntil(30 * MS);

        assertEquals(1, wakes.size());
        long lateness = wakes.get(0) - (20 * MS + 20 * US);
        assertTrue(lateness >= EARLIEST && lateness < LATEST, "only the new deadline wakes it: " + lateness);
    }

    @Test
    void disarmingCancelsTheWake() {
        Simulation sim = new Simulation();
        int[] woke = new int[1];
        DeadlineTimer timer = new DeadlineTimer(sim, "t", LINUX, new SimRandom(3), () -> woke[0]++);
        timer.arm(10 * MS);
        timer.disarm();
        sim.runUntil(30 * MS);
        assertEquals(0, woke[0]);
        assertEquals(-1, timer.deadlineNanos());
    }

    @Test
    void anExactTimerWakesAtItsDeadlineAndDrawsNothing() {
        Simulation sim = new Simulation();
        SimRandom random = new SimRandom(5);
        List<Long> wakes = new ArrayList<>();
        DeadlineTimer timer = new DeadlineTimer(sim, "t", TimerWakeup.EXACT, random, () -> wakes.add(sim.nowNanos()));
        timer.arm(150 * MS);
        sim.runUntil(200 * MS);
        assertEquals(List.of(150 * MS), wakes);
        assertEquals(new SimRandom(5).nextLong(), random.nextLong(), "no value was drawn");
    }

    @Test
    void theDrawnLatencyFollowsTheMeasuredHistogram() {
        SimRandom random = new SimRandom(9);
        int n = 100_000;
        double sum = 0;
        int above20us = 0;
        for (int i = 0; i < n; i++) {
            long latency = LINUX.drawLatenessNanos(random) - LINUX.slackNanos();
            sum += latency;
            above20us += latency >= 20 * US ? 1 : 0;
        }
        assertEquals(5.7, sum / n / US, 0.05, "the histogram's mean, 5.7 µs");
        // 202 of the 3 000 010 measured wake-ups took 20 µs or more: about 6.7 in 100 000
        assertTrue(above20us >= 1 && above20us <= 20, "the measured tail: " + above20us);
    }

    private static List<Long> wakes(long seed) {
        Simulation sim = new Simulation();
        List<Long> wakes = new ArrayList<>();
        DeadlineTimer[] timer = new DeadlineTimer[1];
        timer[0] = new DeadlineTimer(sim, "t", LINUX, new SimRandom(seed), () -> {
            wakes.add(sim.nowNanos());
            timer[0].arm(150 * MS);
        });
        timer[0].arm(150 * MS);
        sim.runUntil(2_000 * MS);
        return wakes;
    }
}
