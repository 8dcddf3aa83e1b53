package io.stormglass.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's time.Ticker keeps at most one pending tick; a blocked raft loop loses the rest. */
class TickerTest {
    private static final long MS = 1_000_000L;

    @Test
    void aTwoAndAHalfSecondBlockDeliversOneLateTickAndDropsTheRest() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "n1/raft");
        List<Long> ticks = new ArrayList<>();
        Ticker ticker = new Ticker(sim, exec, "n1/ticker", 100 * MS, ctx -> ticks.add(ctx.nowNanos()));
        ticker.start();
        // at 50 ms the loop blocks in a 2.5 s fsync: ticks due at 100, 200, ..., 2500 ms find it busy
        sim.scheduleAt(50 * MS, io.stormglass.engine.event.EventKind.named("test.block"), 0,
                () -> exec.execute(ctx -> ctx.sleep(2_500 * MS, c -> { })));
        sim.runUntil(2_750 * MS);
        ticker.stop();

        assertEquals(List.of(2_550 * MS, 2_600 * MS, 2_700 * MS), ticks,
                "one late tick when the block ends, then ticks on the original schedule");
        assertEquals(27, ticker.firedTicks());
        assertEquals(24, ticker.droppedTicks(), "25 ticks fell in the block; the first waited, 24 were dropped");
        assertEquals(3, ticker.deliveredTicks());
    }

    @Test
    void anIdleExecutorReceivesEveryTickOnTime() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "idle");
        List<Long> ticks = new ArrayList<>();
        Ticker ticker = new Ticker(sim, exec, "t", 100 * MS, ctx -> ticks.add(ctx.nowNanos()));
        ticker.start();
        sim.runUntil(1_000 * MS);
        assertEquals(10, ticks.size());
        assertEquals(100 * MS, ticks.get(0));
        assertEquals(1_000 * MS, ticks.get(9));
        assertEquals(0, ticker.droppedTicks());
    }

    @Test
    void stopCancelsFutureTicks() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "s");
        int[] n = new int[1];
        Ticker ticker = new Ticker(sim, exec, "t", 10 * MS, ctx -> n[0]++);
        ticker.start();
        sim.runUntil(35 * MS);
        ticker.stop();
        sim.runUntil(100 * MS);
        assertEquals(3, n[0]);
        assertEquals(0, sim.pendingEvents());
    }

    // processes boot at different moments: a ticker started at a phase keeps it
    @Test
    void aTickerStartedAtAPhaseTicksOnItsOwnGrid() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "p");
        List<Long> ticks = new ArrayList<>();
        Ticker ticker = new Ticker(sim, exec, "t", 10 * MS, ctx -> ticks.add(ctx.nowNanos()));
        ticker.start(3 * MS);
        sim.runUntil(35 * MS);
        assertEquals(List.of(3 * MS, 13 * MS, 23 * MS, 33 * MS), ticks);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ticker(sim, exec, "u", 10 * MS, ctx -> { }).start(0), "the first tick comes after the start");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ticker(sim, exec, "v", 10 * MS, ctx -> { }).start(10 * MS + 1));
    }
}
