package io.stormglass.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final EventKind IO = EventKind.named("test.io");

    @Test
    void aTaskWaitingTwoSecondsDelaysTheTasksQueuedBehindItByExactlyTwoSeconds() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "n1/raft");
        List<Long> started = new ArrayList<>();
        Completion<String> io = new Completion<>();
        sim.scheduleAt(2 * S, IO, 0, () -> io.complete("synced"));
        exec.execute(ctx -> {
            started.add(ctx.nowNanos());
            ctx.await(io, (c, v) -> started.add(c.nowNanos()));
        });
        sim.scheduleAt(10 * MS, IO, 0, () -> exec.execute(ctx -> started.add(ctx.nowNanos())));
        sim.scheduleAt(20 * MS, IO, 0, () -> exec.execute(ctx -> started.add(ctx.nowNanos())));
        sim.runUntil(3 * S);
        assertEquals(List.of(0L, 2 * S, 2 * S, 2 * S), started,
                "the continuation runs at 2 s and both queued tasks only after it");
        assertEquals(2 * S, exec.blockedNanos());
        assertFalse(exec.isBusy());
    }

    @Test
    void chargedCpuDelaysTheNextTaskButNotTheStepsOwnEffects() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "cpu");
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            exec.execute(ctx -> {
                started.add(ctx.nowNanos());
                ctx.chargeCpu(50_000);
            });
        }
        sim.run();
        assertEquals(List.of(0L, 50_000L, 100_000L), started);
        assertEquals(150_000, exec.cpuNanos());
        assertEquals(3, exec.tasksRun());
    }

    @Test
    void aContinuationWaitsForTheChargedCpuEvenIfTheCompletionCameEarlier() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "cpu+io");
        long[] resumedAt = {-1};
        exec.execute(ctx -> {
            ctx.chargeCpu(5 * MS);
            ctx.await(Completion.of(1), (c, v) -> resumedAt[0] = c.nowNanos());
        });
        sim.run();
        assertEquals(5 * MS, resumedAt[0]);
    }

    @Test
    void sleepBlocksTheExecutor() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "sleeper");
        List<Long> started = new ArrayList<>();
        exec.execute(ctx -> ctx.sleep(300 * MS, c -> started.add(c.nowNanos())));
        exec.execute(ctx -> started.add(ctx.nowNanos()));
        sim.run();
        assertEquals(List.of(300 * MS, 300 * MS), started);
    }

    @Test
    void killDropsQueuedTasksAndIgnoresALateCompletion() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "victim");
        List<String> ran = new ArrayList<>();
        Completion<Integer> io = new Completion<>();
        exec.execute(ctx -> ctx.await(io, (c, v) -> ran.add("continuation")));
        exec.execute(ctx -> ran.add("queued"));
        sim.runUntil(MS);
        assertTrue(exec.isBlocked());
        exec.kill();
        sim.scheduleAt(2 * MS, IO, 0, () -> io.complete(1));
        sim.runUntil(5 * MS);
        assertEquals(List.of(), ran);
        exec.execute(ctx -> ran.add("after restart"));
        sim.run();
        assertEquals(List.of("after restart"), ran);
    }

    @Test
    void tasksRunInFifoOrder() {
        Simulation sim = new Simulation();
        SerialExecutor exec = new SerialExecutor(sim, "fifo");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            exec.execute(ctx -> order.add(n));
        }
        sim.run();
        for (int i = 0; i < 50; i++) {
            assertEquals(i, order.get(i));
        }
    }
}
