package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.RunEngines;
import org.apache.spark.SparkConf;

/**
 * {@code --engine spark}, found by {@link RunEngines} through {@link java.util.ServiceLoader}. The
 * master is {@code --master} if given, else the one spark-submit set ({@code spark.master}), else
 * {@code local[*]}. Spark's web UI and console progress bar are off unless configured: the command
 * prints its own progress line.
 */
public final class SparkEngineProvider implements RunEngines.Provider {
    /** The master when neither {@code --master} nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RunEngine start(String master) {
        return new SparkEngine(conf(master));
    }

    /** The application's configuration: spark-submit's ({@code spark.*} system properties), then ours where unset. */
    static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("stormglass");
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }
}
