package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The driver side of a job (never serialized): Spark calls it once per succeeded partition, one call at a time, in
 * completion order; it keeps the row in unit order and hands it to the sink, until the sink
 * throws or the job ends. A sink's I/O error
 * fails the job (Spark then cancels the other tasks) and is rethrown by {@link SparkEngine#map}.
 */
final class RowHandler<U, R> extends AbstractFunction2<Object, R, BoxedUnit> {
    private final List<U> units;
    private final Object[] rows;
    private final int[] done;
    private final RunEngine.Sink<? super U, ? super R> sink;
    private boolean closed;

    RowHandler(List<U> units, Object[] rows, int[] done, RunEngine.Sink<? super U, ? super R> sink) {
        this.units = units;
        this.rows = rows;
        this.done = done;
        this.sink = sink;
    }

    @Override
    public synchronized BoxedUnit apply(Object partition, R row) {
        if (closed) {
            return BoxedUnit.UNIT; // a task that ended after its job failed: the caller has moved on
        }
        int i = (Integer) partition;
        rows[i] = row;
        try {
            sink.accept(++done[0], units.size(), units.get(i), row);
        } catch (IOException e) {
            closed = true;
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closed = true;
            throw e;
        }
        return BoxedUnit.UNIT;
    }

    /** No row reaches the sink after this: the job ended (its outputs may be closed now). */
    synchronized void close() {
        closed = true;
    }

    /**
     * What a failed job throws to the caller of {@link SparkEngine#map}: the sink's own exception
     * if the sink failed it (an I/O error, or a listener's), else Spark's failure as it is.
     *
     * @throws IOException the sink's I/O error
     */
    static RuntimeException unwrap(Exception e) throws IOException, InterruptedException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (t instanceof InterruptedException i) {
                throw i;
            }
            if (t.getClass().getName().equals("org.apache.spark.SparkDriverExecutionException") && t.getCause() instanceof RuntimeException r) {
                return r; // the sink (the driver's own code) threw it while handling a row
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
    }
}
