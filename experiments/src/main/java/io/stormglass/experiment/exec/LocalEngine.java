package io.stormglass.experiment.exec;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The default engine: a fixed pool of {@code jobs} threads of this JVM, one simulation per thread
 * ({@link ParallelRuns}). Jobs and rows are used as they are, never serialized.
 */
public final class LocalEngine implements RunEngine {
    private final int jobs;

    public LocalEngine(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        this.jobs = jobs;
    }

    @Override
    public <U extends Serializable, R extends Serializable> List<R> map(List<U> units, UnitJob<U, R> job,
            Sink<? super U, ? super R> sink) throws IOException, InterruptedException {
        int[] done = {0};
        try {
            return ParallelRuns.map(units, jobs, unit -> {
                R row = UnitFailures.runGuarded(job, unit);
                synchronized (done) {
                    try {
                        sink.accept(++done[0], units.size(), unit, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return row;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public int parallelism() {
        return jobs;
    }

    @Override
    public String describe() {
        return jobs + (jobs == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        // the pool lives only for the duration of one map
    }
}
