package io.stormglass.experiment.bench;

import io.stormglass.experiment.exec.ParallelRuns;
import io.stormglass.run.Runner;
import io.stormglass.run.WallClock;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How well simulations share this machine: the same runs on one thread, then on {@code jobs} threads,
 * then on one thread again, in one process whose JIT a first, untimed run has warmed. A sweep's wall
 * time with {@code --jobs 2} also pays for the JVM's start and the compilers' first seconds, which one
 * job hides on the idle core; this case leaves those out, so that what it measures is what parallel
 * runs cost each other (the collector's pauses, which stop every run, and the shared caches). Every run
 * must give the same fingerprint on every pass: a run computes the same thing whatever runs beside it.
 */
public final class ParallelScaling {
    /**
     * @param runs                simulations in each pass
     * @param jobs                threads of the parallel pass
     * @param serialWallSeconds   wall time of the pass on one thread, the mean of the pass before the
     *                            parallel one and the pass after it (so that what the JIT still improves
     *                            during the first counts against neither side)
     * @param parallelWallSeconds wall time of the pass on {@code jobs} threads
     * @param serialGcSeconds     time the collectors reported during a serial pass, the mean of the two
     *                            (their pauses stop every run)
     * @param parallelGcSeconds   the same, during the parallel pass
     * @param sameFingerprints    whether every run gave the same fingerprint on every pass
     */
    public record Outcome(int runs, int jobs, double serialWallSeconds, double parallelWallSeconds, double serialGcSeconds,
            double parallelGcSeconds, boolean sameFingerprints) {
        /** How many times faster the parallel pass ran than a serial one. */
        public double speedup() {
            return serialWallSeconds / Math.max(1e-9, parallelWallSeconds);
        }
    }

    private final WallClock wallClock;
    private final int jobs;

    /** @param jobs threads of the parallel pass, at least 2 */
    public ParallelScaling(WallClock wallClock, int jobs) {
        if (jobs < 2) {
            throw new IllegalArgumentException("the parallel pass needs at least 2 threads, got " + jobs);
        }
        this.wallClock = wallClock;
        this.jobs = jobs;
    }

    /**
     * Runs {@code warmup} once untimed, then {@code scenarios} on one thread, on {@code jobs} threads,
     * and on one thread again.
     */
    public Outcome run(Scenario warmup, List<Scenario> scenarios) throws IOException, InterruptedException {
        Runner.run(warmup, Runner.Options.inMemory(wallClock));
        Pass before = pass(scenarios, 1);
        Pass parallel = pass(scenarios, jobs);
        Pass after = pass(scenarios, 1);
        boolean same = before.fingerprints().equals(parallel.fingerprints()) && after.fingerprints().equals(parallel.fingerprints());
        return new Outcome(scenarios.size(), jobs, (before.wallSeconds() + after.wallSeconds()) / 2, parallel.wallSeconds(),
                (before.gcSeconds() + after.gcSeconds()) / 2, parallel.gcSeconds(), same);
    }

    private record Pass(double wallSeconds, double gcSeconds, List<String> fingerprints) {
    }

    private Pass pass(List<Scenario> scenarios, int threads) throws IOException, InterruptedException {
        long gcBefore = gcMillis();
        long start = wallClock.nanos();
        // every thread starts at once: the warm-up run has done the compilers' first work
        List<String> fingerprints = ParallelRuns.mapAllAtOnce(scenarios, threads,
                s -> Runner.run(s, Runner.Options.inMemory(wallClock)).fingerprint());
        double wall = (wallClock.nanos() - start) / 1e9;
        return new Pass(wall, (gcMillis() - gcBefore) / 1e3, fingerprints);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
