package io.stormglass.spark;

import io.stormglass.experiment.exec.RunEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes that share one Spark {@code local[2]} engine: started before their first test, stopped after the last. */
abstract class LocalSparkTest {
    static RunEngine spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkEngines.localTwo();
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }
}
