package io.stormglass.experiment.exec;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;

/**
 * Holds a pool's extra workers back while the JVM's JIT compilers are warming up.
 *
 * <p>Why: on a machine with as many cores as workers, a second simulation started at once takes
 * the core the C2 compiler would otherwise have to itself. The compiler then needs about twice as
 * long to reach steady state (14 s against 7 s for 2 000 failover trials), and both simulations run
 * slow profiled code all that time: the first ~15 s of a sweep ran no faster on two workers than on
 * one (issue 23). One worker while the compilers are busy, then all of them, reaches the fast code
 * sooner and costs at most {@code maxWaitNanos} of the other workers.
 *
 * <p>The gate opens, for good, once the compilers' accumulated time ({@link CompilationMXBean},
 * summed over compiler threads) grew by less than {@code settledShare} of the last
 * {@code windowNanos}, or once a worker has waited {@code maxWaitNanos}. A waiting worker also stops
 * waiting when nothing is left for it to take. A JVM that does not report compilation time has an
 * open gate. The gate only decides when a worker takes its first run, never what a run computes.
 */
final class JitWarmupGate {
    /** What the gate reads and how it waits; a test's fake advances its own time. */
    interface Probe {
        /** Milliseconds the JIT compilers have spent so far (non-decreasing). */
        long compileMillis();

        long nanoTime();

        void pause(long nanos) throws InterruptedException;
    }

    static final long POLL_NANOS = 100_000_000L;
    private final Probe probe;
    private final long windowNanos;
    private final double settledShare;
    private final long maxWaitNanos;
    private volatile boolean open;

    JitWarmupGate(Probe probe, long windowNanos, double settledShare, long maxWaitNanos) {
        if (windowNanos < POLL_NANOS || settledShare <= 0 || maxWaitNanos < 0) {
            throw new IllegalArgumentException("window " + windowNanos + " ns, share " + settledShare
                    + ", max wait " + maxWaitNanos + " ns");
        }
        this.probe = probe;
        this.windowNanos = windowNanos;
        this.settledShare = settledShare;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** A gate that never holds a worker back. */
    static JitWarmupGate opened() {
        JitWarmupGate gate = new JitWarmupGate(null, POLL_NANOS, 1.0, 0L);
        gate.open = true;
        return gate;
    }

    /**
     * The gate of this JVM, shared by every pool it runs: settled when the compilers used less than a
     * fifth of one thread over the last second, 30 s at most, so a later pool (a command that runs
     * several) does not wait again.
     */
    static JitWarmupGate forThisJvm() {
        return ThisJvm.GATE;
    }

    /** Created on first use (holder idiom): a command that runs one simulation never reads the MXBean. */
    private static final class ThisJvm {
        static final JitWarmupGate GATE = create();
    }

    private static JitWarmupGate create() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return opened();
        }
        Probe probe = new Probe() {
            @Override
            public long compileMillis() {
                return jit.getTotalCompilationTime();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000L);
            }
        };
        return new JitWarmupGate(probe, 1_000_000_000L, 0.2, 30_000_000_000L);
    }

    /** Whether the gate is open: the compilers were seen settled, or a worker waited the longest wait. It stays open. */
    boolean isOpen() {
        return open;
    }

    /**
     * Returns once the gate is open, the wait is over, or {@code stillNeeded} (asked at every poll)
     * says the caller has nothing left to do.
     */
    void await(BooleanSupplier stillNeeded) throws InterruptedException {
        if (open) {
            return;
        }
        long start = probe.nanoTime();
        int slots = (int) (windowNanos / POLL_NANOS);
        long[] ring = new long[slots + 1]; // the samples of the last window, both ends included
        double settledMillis = settledShare * windowNanos / 1e6;
        for (int taken = 0; !open && stillNeeded.getAsBoolean(); taken++) {
            ring[taken % ring.length] = probe.compileMillis();
            if (taken >= slots && ring[taken % ring.length] - ring[(taken + 1) % ring.length] < settledMillis) {
                open = true;
                return;
            }
            if (probe.nanoTime() - start >= maxWaitNanos) {
                open = true; // warmed as much as it will be: no later worker waits again
                return;
            }
            probe.pause(POLL_NANOS);
        }
    }
}
