package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;

/** Spark engines for tests, on the loopback address (a sandbox's host name may not resolve). */
final class SparkEngines {
    private SparkEngines() {
    }

    /** {@code local[2]}: two task slots in this JVM, every job, unit and row serialized as on a cluster. */
    static RunEngine localTwo() {
        return new SparkEngine(SparkEngineProvider.conf("local[2]").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }
}
