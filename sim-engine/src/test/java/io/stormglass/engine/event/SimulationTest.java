package io.stormglass.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final EventKind K = EventKind.named("test");

    @Test
    void eventsAtTheSameInstantRunInInsertionOrder() {
        Simulation sim = new Simulation(4);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            sim.scheduleAt(5, K, n, () -> order.add(n));
        }
        sim.scheduleAt(1, K, -1, () -> order.add(-1));
        sim.run();
        assertEquals(-1, order.get(0));
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i + 1), "same-time events keep insertion order");
        }
    }

    @Test
    void eventsScheduledDuringAnEventForTheSameInstantRunAfterIt() {
        Simulation sim = new Simulation();
        List<String> order = new ArrayList<>();
        sim.scheduleAt(10, K, 0, () -> {
            order.add("a");
            sim.schedule(0, K, 0, () -> order.add("c"));
        });
        sim.scheduleAt(10, K, 0, () -> order.add("b"));
        sim.run();
        assertEquals(List.of("a", "b", "c"), order);
    }

    @Test
    void clockAdvancesToEachEventsTime() {
        Simulation sim = new Simulation();
        List<Long> seen = new ArrayList<>();
        sim.scheduleAt(300, K, 0, () -> seen.add(sim.nowNanos()));
        sim.scheduleAt(100, K, 0, () -> seen.add(sim.nowNanos()));
        sim.run();
        assertEquals(List.of(100L, 300L), seen);
    }

    @Test
    void aCancelledEventNeverRunsAndAStaleHandleCancelsNothing() {
        Simulation sim = new Simulation();
        int[] runs = new int[2];
        long h = sim.scheduleAt(10, K, 0, () -> runs[0]++);
        assertTrue(sim.cancel(h));
        assertFalse(sim.cancel(h), "second cancel is a no-op");
        long h2 = sim.scheduleAt(20, K, 0, () -> runs[1]++); // may reuse the slot after it is released
        sim.run();
        assertEquals(0, runs[0]);
        assertEquals(1, runs[1]);
        assertFalse(sim.cancel(h2), "an event that ran cannot be cancelled");
        assertFalse(sim.cancel(Scheduler.NO_EVENT));
    }

    @Test
    void aRescheduledTimerRunsOnceAtItsNewTime() {
        Simulation sim = new Simulation();
        List<Long> fired = new ArrayList<>();
        long h = sim.scheduleAt(50, K, 0, () -> fired.add(sim.nowNanos()));
        sim.scheduleAt(10, K, 0, () -> {
            sim.cancel(h);
            sim.scheduleAt(80, K, 0, () -> fired.add(sim.nowNanos()));
        });
        sim.run();
        assertEquals(List.of(80L), fired);
        assertEquals(2, sim.dispatchedEvents());
    }

    @Test
    void staleHandleDoesNotCancelTheEventThatReusedItsSlot() {
        Simulation sim = new Simulation(16);
        int[] runs = new int[1];
        long first = sim.scheduleAt(1, K, 0, () -> { });
        sim.run();
        sim.scheduleAt(5, K, 0, () -> runs[0]++); // reuses the freed slot
        assertFalse(sim.cancel(first));
        sim.run();
        assertEquals(1, runs[0]);
    }

    @Test
    void runUntilStopsAtTheBoundaryAndSetsTheClock() {
        Simulation sim = new Simulation();
        int[] runs = new int[1];
        sim.scheduleAt(100, K, 0, () -> runs[0]++);
        sim.scheduleAt(101, K, 0, () -> runs[0]++);
        sim.runUntil(100);
        assertEquals(1, runs[0], "events at the boundary run, later ones wait");
        assertEquals(100, sim.nowNanos());
        sim.runFor(50);
        assertEquals(2, runs[0]);
        assertEquals(150, sim.nowNanos());
        assertEquals(0, sim.pendingEvents());
    }

    @Test
    void stopEndsTheRunAfterTheCurrentEvent() {
        Simulation sim = new Simulation();
        int[] runs = new int[1];
        sim.scheduleAt(10, K, 0, () -> {
            runs[0]++;
            sim.stop();
        });
        sim.scheduleAt(20, K, 0, () -> runs[0]++);
        sim.runUntil(1_000);
        assertEquals(1, runs[0]);
        assertEquals(10, sim.nowNanos(), "a stopped run leaves the clock at the last event");
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void stepRunsOneEventAtATime() {
        Simulation sim = new Simulation();
        sim.scheduleAt(3, K, 0, () -> { });
        sim.scheduleAt(7, K, 0, () -> { });
        assertTrue(sim.step());
        assertEquals(3, sim.nowNanos());
        assertTrue(sim.step());
        assertEquals(7, sim.nowNanos());
        assertFalse(sim.step());
    }

    @Test
    void schedulingInThePastIsRejected() {
        Simulation sim = new Simulation();
        sim.runUntil(100);
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(99, K, 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, K, 0, () -> { }));
    }

    @Test
    void aFailingActionIsReportedWithItsKindAndTime() {
        Simulation sim = new Simulation();
        sim.scheduleAt(42, EventKind.named("disk.complete"), 7, () -> {
            throw new IllegalStateException("boom");
        });
        SimulationException e = assertThrows(SimulationException.class, sim::run);
        assertTrue(e.getMessage().contains("disk.complete"), e.getMessage());
        assertTrue(e.getMessage().contains("42 ns"), e.getMessage());
    }

    @Test
    void theQueueGrowsPastItsInitialCapacity() {
        Simulation sim = new Simulation(16);
        long[] sum = new long[1];
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            sim.scheduleAt(10_000 - i, K, n, () -> sum[0] += n);
        }
        sim.run();
        assertEquals(10_000L * 9_999 / 2, sum[0]);
        assertEquals(10_000, sim.dispatchedEvents());
    }
}
