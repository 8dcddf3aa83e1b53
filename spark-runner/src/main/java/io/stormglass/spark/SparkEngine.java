package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.UnitJob;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The Spark engine: one Spark application (started here, stopped by {@link #close}), and for each
 * {@link #map} one Spark job with one partition, so one task, per unit of work. A task runs its
 * unit through {@link UnitTask} and sends back the row; the driver hands each row to the sink as
 * its task succeeds ({@code SparkContext.runJob}'s result handler, called once per partition even
 * when a lost executor made Spark run the task again), so the outputs are written by the same code
 * as on the local engine, and a killed driver loses no row already handed over.
 */
public final class SparkEngine implements RunEngine {
    private final JavaSparkContext spark;

    /** Starts a Spark application with {@code conf} (its master set). */
    public SparkEngine(SparkConf conf) {
        this.spark = new JavaSparkContext(conf);
    }

    @Override
    public <U extends Serializable, R extends Serializable> List<R> map(List<U> units, UnitJob<U, R> job,
            Sink<? super U, ? super R> sink) throws IOException, InterruptedException {
        if (units.isEmpty()) {
            return List.of();
        }
        JavaRDD<U> rdd = spark.parallelize(units, units.size());
        Object[] rows = new Object[units.size()];
        int[] done = {0};
        ClassTag<R> tag = ClassTag$.MODULE$.apply(Serializable.class);
        spark.sc().setJobDescription(job.getClass().getSimpleName() + ": " + units.size() + " units");
        RowHandler<U, R> handler = new RowHandler<>(units, rows, done, sink);
        try {
            spark.sc().runJob(rdd.rdd(), new UnitTask<>(job), handler, tag);
        } catch (Exception e) { // Scala throws SparkException undeclared
            throw RowHandler.unwrap(e);
        } finally {
            handler.close();
        }
        List<R> out = new ArrayList<>(rows.length);
        for (Object r : rows) {
            @SuppressWarnings("unchecked") // rows[i] is the row of units[i], an R
            R row = (R) r;
            out.add(row);
        }
        return out;
    }

    @Override
    public int parallelism() {
        return Math.max(1, spark.defaultParallelism());
    }

    @Override
    public String describe() {
        int slots = parallelism();
        return "Spark " + spark.master() + " (" + slots + (slots == 1 ? " task slot)" : " task slots)");
    }

    @Override
    public void close() {
        spark.stop();
    }
}
