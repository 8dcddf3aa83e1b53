package io.stormglass.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPoolTest {
    private static final long US = 1_000L;

    @Test
    void burstsBeyondTheCoreCountWaitInArrivalOrderForTheFirstCoreToFreeUp() {
        Simulation sim = new Simulation();
        CpuPool pool = new CpuPool(sim, "m", 2);
        List<String> ends = new ArrayList<>();
        pool.run(100 * US, 1, () -> ends.add("a@" + sim.nowNanos() / US));
        pool.run(30 * US, 2, () -> ends.add("b@" + sim.nowNanos() / US));
        pool.run(50 * US, 3, () -> ends.add("c@" + sim.nowNanos() / US)); // waits for b's core (free at 30)
        pool.run(10 * US, 4, () -> ends.add("d@" + sim.nowNanos() / US)); // then the next free: c's at 80, a's at 100
        sim.run();
        assertEquals(List.of("b@30", "c@80", "d@90", "a@100"), ends);
        assertEquals(190 * US, pool.busyNanos());
        assertEquals((30 + 80) * US, pool.waitNanos(), "c waited 30 µs, d 80 µs");
    }

    @Test
    void twoSerialExecutorsOnOneCoreTakeTurnsInsteadOfRunningInParallel() {
        Simulation sim = new Simulation();
        CpuPool one = new CpuPool(sim, "m", 1);
        List<String> started = twoExecutorsTwoStepsEach(sim, one);
        assertEquals(List.of("a@0", "b@40", "a@80", "b@120"), started, "one core: each step waits for the other's");
        assertEquals(160 * US, one.busyNanos());
    }

    @Test
    void withACorePerThreadTheExecutorsRunAsIfEachHadItsOwn() {
        Simulation sim = new Simulation();
        CpuPool two = new CpuPool(sim, "m", 2);
        List<String> started = twoExecutorsTwoStepsEach(sim, two);
        assertEquals(List.of("a@0", "b@0", "a@40", "b@40"), started);
        assertEquals(0, two.waitNanos());
    }

    @Test
    void aStepKilledWhileItWaitsForACoreNeverRuns() {
        Simulation sim = new Simulation();
        CpuPool one = new CpuPool(sim, "m", 1);
        List<String> ran = new ArrayList<>();
        one.run(100 * US, 1, () -> ran.add("burst"));
        SerialExecutor victim = new SerialExecutor(sim, "victim", one);
        victim.execute(ctx -> ran.add("victim"));
        sim.runUntil(50 * US);
        victim.kill();
        sim.run();
        assertEquals(List.of("burst"), ran);
    }

    @Test
    void aBurstStartingWhenThreadsShareCoresRunsAtTheMeanSpeedOfTheBusyThreads() {
        Simulation sim = new Simulation();
        CpuPool vm = new CpuPool(sim, "vm", new CpuSpec(4, 2, 1.3)); // 4 vCPUs on 2 cores
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            vm.run(130 * US, n, () -> ends.add(n + "@" + sim.nowNanos() / US));
        }
        sim.run();
        // the first two have a core each; with three busy one core is shared: the third runs at the mean
        // speed (1 + 2 × 0.65) / 3 = 0.767; with four busy both are shared: the fourth runs at 0.65
        assertEquals(List.of("0@130", "1@130", "2@169", "3@200"), ends);
    }

    @Test
    void aWokenLoopRunsBeforeQueuedHandlerBursts() {
        Simulation sim = new Simulation();
        CpuPool one = new CpuPool(sim, "m", 1);
        List<String> order = new ArrayList<>();
        one.run(10 * US, 1, () -> order.add("first"));
        one.run(10 * US, 2, () -> order.add("handler"));
        SerialExecutor loop = new SerialExecutor(sim, "loop", one);
        loop.execute(ctx -> {
            order.add("loop@" + ctx.nowNanos() / US);
            ctx.chargeCpu(10 * US);
        });
        sim.run();
        assertEquals(List.of("first", "loop@10", "handler"), order, "the loop's step jumps the queued handler");
    }

    /** Executors a and b on {@code pool}, each running two 40 µs steps; when each step started, as {@code a@<µs>}. */
    private static List<String> twoExecutorsTwoStepsEach(Simulation sim, CpuPool pool) {
        SerialExecutor a = new SerialExecutor(sim, "a", pool);
        SerialExecutor b = new SerialExecutor(sim, "b", pool);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            a.execute(ctx -> {
                started.add("a@" + ctx.nowNanos() / US);
                ctx.chargeCpu(40 * US);
            });
            b.execute(ctx -> {
                started.add("b@" + ctx.nowNanos() / US);
                ctx.chargeCpu(40 * US);
            });
        }
        sim.run();
        return started;
    }
}
