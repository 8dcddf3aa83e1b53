package io.stormglass.spark;

import io.stormglass.experiment.exec.UnitFailures;
import io.stormglass.experiment.exec.UnitJob;
import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What a Spark task runs: the unit(s) of its partition (one, by construction) through
 * {@link UnitFailures#runGuarded}, so an exception becomes the job's error row and is not retried;
 * only a lost executor (or an error such as running out of memory) makes Spark run the task again.
 */
final class UnitTask<U extends Serializable, R extends Serializable> extends AbstractFunction2<TaskContext, Iterator<U>, R>
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final UnitJob<U, R> job;

    UnitTask(UnitJob<U, R> job) {
        this.job = job;
    }

    @Override
    public R apply(TaskContext context, Iterator<U> units) {
        U unit = units.next();
        if (units.hasNext()) {
            throw new IllegalStateException("a partition holds one unit of work");
        }
        return UnitFailures.runGuarded(job, unit);
    }
}
