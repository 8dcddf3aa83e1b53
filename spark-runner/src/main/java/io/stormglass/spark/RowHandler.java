package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The driver side of a job (never serialized): Spark calls it once per succeeded partition, one call at a time, in
 * completion order; it keeps the row in unit order and hands it to the sink. A sink's I/O error
 * fails the job (Spark then cancels the other tasks) and is rethrown by {@link SparkEngine#map}.
 */
final class RowHandler<U, R> extends AbstractFunction2<Object, R, BoxedUnit> {
    private final List<U> units;
    private final Object[] rows;
    private final int[] done;
    private final RunEngine.Sink<? super U, ? super R> sink;

    RowHandler(List<U> units, Object[] rows, int[] done, RunEngine.Sink<? super U, ? super R> sink) {
        this.units = units;
        this.rows = rows;
        this.done = done;
        this.sink = sink;
    }

    @Override
    public BoxedUnit apply(Object partition, R row) {
        int i = (Integer) partition;
        rows[i] = row;
        try {
            sink.accept(++done[0], units.size(), units.get(i), row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BoxedUnit.UNIT;
    }

    /** The sink's I/O error that failed a job, if that is what {@code e} carries. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
        }
        return null;
    }
}
