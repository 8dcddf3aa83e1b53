package io.stormglass.experiment.exec;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Where the units of an experiment run: threads of this JVM ({@link LocalEngine}, the default) or
 * the executors of a Spark application (the {@code spark-runner} module, found through
 * {@link RunEngines}). Every engine runs {@link UnitJob#run} once per unit and hands each row to a
 * {@link Sink} on the calling side, so the outputs are written by the same code whatever the
 * engine; only wall-time columns and the completion order differ between engines.
 */
public interface RunEngine extends AutoCloseable {
    /** Hears each row as its unit finishes: one call at a time, in completion order, on the driver. */
    @FunctionalInterface
    interface Sink<U, R> {
        void accept(int done, int total, U unit, R row) throws IOException;
    }

    /**
     * Runs {@code job} on every unit (a unit whose run throws gives {@link UnitJob#internalError}'s
     * row) and returns the rows in unit order.
     *
     * @throws IOException if the sink throws (the remaining units are abandoned)
     */
    <U extends Serializable, R extends Serializable> List<R> map(List<U> units, UnitJob<U, R> job, Sink<? super U, ? super R> sink)
            throws IOException, InterruptedException;

    /** Units run at once at most (threads, or the executors' cores as Spark reports them). */
    int parallelism();

    /** For the progress line: "2 threads", "Spark local[2]", "Spark spark://host:7077". */
    String describe();

    /** Releases the threads or stops the Spark application; no-op for an engine already closed. */
    @Override
    void close();
}
