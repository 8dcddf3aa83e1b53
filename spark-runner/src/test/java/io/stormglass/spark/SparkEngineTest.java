package io.stormglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.UnitJob;
import io.stormglass.experiment.sweep.SweepFileLoader;
import io.stormglass.experiment.sweep.SweepRunner;
import io.stormglass.experiment.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local mode ({@code local[2]}: jobs, units and rows go through Spark's
 * serialization as on a cluster) against the local engine: same rows, error rows, resume.
 */
class SparkEngineTest extends LocalSparkTest {
    @Test
    void aSweepGivesTheLocalEnginesRowsAndResumesAfterTheDriverDied(@TempDir Path dir) throws Exception {
        SweepSpec sweep = SweepFileLoader.load(Fixtures.tinySweep(dir));
        SweepRunner.Outcome local = SweepRunner.run(sweep, dir.resolve("local"), new LocalEngine(2), (d, t, r) -> { });
        SweepRunner.Outcome onSpark = SweepRunner.run(sweep, dir.resolve("spark"), spark, (d, t, r) -> { });
        assertEquals(4, onSpark.ran());
        List<String> expected = Fixtures.rowsWithoutWall(dir.resolve("local/sweep.csv"));
        assertEquals(4, expected.size());
        assertEquals(expected, Fixtures.rowsWithoutWall(dir.resolve("spark/sweep.csv")));
        assertEquals(local.rows().stream().map(r -> r.measured().fingerprint()).toList(),
                onSpark.rows().stream().map(r -> r.measured().fingerprint()).toList(), "rows come back in sweep order");

        // the driver dies after the second row: both rows are in sweep.csv already, and a re-run runs only the rest
        Path resumed = dir.resolve("resumed");
        RuntimeException killed = assertThrows(RuntimeException.class, () -> SweepRunner.run(sweep, resumed, spark, (d, t, r) -> {
            if (d == 2) {
                throw new IllegalStateException("driver killed");
            }
        }));
        assertEquals("driver killed", killed.getMessage());
        assertEquals(3, Files.readAllLines(resumed.resolve("sweep.csv")).size(), "a header and the two rows handed over");
        SweepRunner.Outcome rest = SweepRunner.run(sweep, resumed, spark, (d, t, r) -> { });
        assertEquals(2, rest.skipped());
        assertEquals(2, rest.ran());
        assertEquals(expected, Fixtures.rowsWithoutWall(resumed.resolve("sweep.csv")));
    }

    @Test
    void aUnitThatThrowsBecomesOneErrorRowAndTheOthersRun() throws Exception {
        List<String> heard = new ArrayList<>();
        List<String> rows = spark.map(List.of(1, 2, 3, 4), new ThrowingJob(3), (d, t, unit, row) -> heard.add(row));
        assertEquals("ok 1", rows.get(0));
        assertTrue(rows.get(2).startsWith("error 3: IllegalStateException: unit 3 is broken at "), rows.get(2));
        assertEquals("ok 4", rows.get(3));
        assertEquals(4, heard.size(), "each row handed over once: " + heard);
        assertEquals(rows, new LocalEngine(2).map(List.of(1, 2, 3, 4), new ThrowingJob(3), (d, t, u, r) -> { }));
    }

    /** Unit {@code broken} throws; the others give "ok N". */
    record ThrowingJob(int broken) implements UnitJob<Integer, String> {
        @Override
        public String run(Integer unit) {
            if (unit == broken) {
                throw new IllegalStateException("unit " + unit + " is broken");
            }
            return "ok " + unit;
        }

        @Override
        public String internalError(Integer unit, String error) {
            return "error " + unit + ": " + error;
        }
    }
}
