package io.stormglass.experiment.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent simulations on a fixed set of threads, one simulation per thread at a time: the
 * only parallelism Stormglass has (each simulation is single-threaded and deterministic, so its
 * result does not depend on what runs beside it). Results come back in item order, whatever order
 * the runs finish in.
 *
 * <p>Items are taken in order. One thread per core but one starts at once (at least one); the
 * others wait for the JIT's warm-up ({@link JitWarmupGate}), so that the compilers keep a core to
 * themselves while they are busy. That changes when a run starts, never what it computes.
 */
public final class ParallelRuns {
    /** One run; may throw {@code E} (such as an I/O error while writing its results). */
    @FunctionalInterface
    public interface Task<T, R, E extends Exception> {
        R run(T item) throws E;
    }

    private ParallelRuns() {
    }

    /**
     * Runs {@code task} on every item with at most {@code jobs} at once and returns the results in
     * item order. No item starts once a failure has been seen (or once the caller is interrupted);
     * every item taken before runs to its end, and the first failure in item order is then rethrown
     * as it was thrown. A task that throws no checked exception makes {@code E} a
     * {@code RuntimeException}: the caller catches nothing.
     */
    public static <T, R, E extends Exception> List<R> map(List<T> items, int jobs, Task<T, R, E> task)
            throws E, InterruptedException {
        int startAtOnce = Math.max(1, Runtime.getRuntime().availableProcessors() - 1); // a core for the compilers
        return map(items, jobs, task, startAtOnce, JitWarmupGate.forThisJvm());
    }

    /**
     * As {@link #map(List, int, Task)}, but every thread starts at once, without waiting for the JIT: for
     * a caller that has warmed the compilers itself (the bench's parallel-scaling case), where the gate's
     * first second of sampling would be measured as a thread left idle.
     */
    public static <T, R, E extends Exception> List<R> mapAllAtOnce(List<T> items, int jobs, Task<T, R, E> task)
            throws E, InterruptedException {
        return map(items, jobs, task, Math.max(1, jobs), JitWarmupGate.opened());
    }

    /** As {@link #map(List, int, Task)}; the first {@code startAtOnce} threads do not wait for {@code gate}. */
    @SuppressWarnings("unchecked") // a task throws only E or unchecked exceptions
    static <T, R, E extends Exception> List<R> map(List<T> items, int jobs, Task<T, R, E> task, int startAtOnce,
            JitWarmupGate gate) throws E, InterruptedException {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(Integer.MAX_VALUE);
        List<Thread> workers = new ArrayList<>();
        int threads = Math.max(1, Math.min(jobs, Math.max(1, n)));
        for (int w = 0; w < threads; w++) {
            boolean waits = w >= startAtOnce;
            Thread worker = new Thread(() -> {
                try {
                    if (waits) {
                        gate.await(() -> next.get() < n && failed.get() == Integer.MAX_VALUE);
                    }
                    while (failed.get() == Integer.MAX_VALUE && !Thread.currentThread().isInterrupted()) {
                        int i = next.getAndIncrement(); // an item taken always runs
                        if (i >= n) {
                            break;
                        }
                        try {
                            results[i] = task.run(items.get(i));
                        } catch (Exception | Error e) {
                            failures[i] = e;
                            failed.accumulateAndGet(i, Math::min);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stormglass-run-" + (w + 1));
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } finally {
            workers.forEach(Thread::interrupt);
        }
        int first = failed.get();
        if (first != Integer.MAX_VALUE) {
            Throwable cause = failures[first];
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw (E) cause;
        }
        return new ArrayList<>((List<R>) Arrays.asList(results));
    }
}
