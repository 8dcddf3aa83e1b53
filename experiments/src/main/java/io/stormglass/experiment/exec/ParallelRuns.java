package io.stormglass.experiment.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent simulations on a fixed pool of threads, one simulation per thread at a time: the
 * only parallelism Stormglass has (each simulation is single-threaded and deterministic, so its
 * result does not depend on what runs beside it). Results come back in item order, whatever order
 * the runs finish in.
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
     * item order. The first failure (in item order) is rethrown as it was thrown. A task that throws
     * no checked exception makes {@code E} a {@code RuntimeException}: the caller catches nothing.
     */
    @SuppressWarnings("unchecked") // a task throws only E or unchecked exceptions
    public static <T, R, E extends Exception> List<R> map(List<T> items, int jobs, Task<T, R, E> task)
            throws E, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, Math.max(1, items.size()))));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw (E) cause;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
