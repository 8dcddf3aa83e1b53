package io.stormglass.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fast subset of etcd's benchmark table on the quick budget: the one-client write (which measures
 * the PD SSD's latency more than etcd), the one-client serializable read and the many-client
 * linearizable read must each be within their tolerance.
 */
class EtcdBenchmarkReferenceTest {
    @Test
    void theOneClientWriteTheSerializableReadAndTheManyClientLinearizableReadAgree() throws Exception {
        List<String> progress = new ArrayList<>();
        List<CalibrationRow> rows = new EtcdBenchmarkReference().run(new CalibrationBudget(false, 2), progress::add,
                Set.of("write-1", "read-1-s", "read-1000-l"));
        assertEquals(6, rows.size(), "two figures per setup");
        assertEquals(3, progress.size());
        for (CalibrationRow r : rows) {
            assertTrue(r.withinTolerance(), r.experiment() + " " + r.quantity() + ": published " + r.published()
                    + ", simulated " + r.simulated() + " (" + r.tolerance().text() + ")\n" + String.join("\n", progress));
        }
    }

    @Test
    void everyRowOfTheTableIsExpressedWithTheToolsRequestCountsOnTheFullBudget() {
        assertEquals(7, EtcdBenchmarkReference.SETUPS.size());
        CalibrationBudget full = new CalibrationBudget(true, 1);
        for (EtcdBenchmarkReference.Setup s : EtcdBenchmarkReference.SETUPS) {
            List<String> sets = EtcdBenchmarkReference.sets(s, full);
            assertTrue(sets.contains("workload.requests=" + s.requests()), s.key() + ": " + sets);
            // every setup loads: its overrides name keys and values the schema accepts
            ResourceScenarios.load(EtcdBenchmarkReference.SCENARIO, sets);
        }
    }

    @Test
    void theReferenceRunsTheLibraryScenarioItself() throws Exception {
        byte[] library = Files.readAllBytes(Path.of("..", "scenarios", "etcd-benchmark.yaml"));
        try (InputStream in = EtcdBenchmarkReference.class.getResourceAsStream(EtcdBenchmarkReference.SCENARIO)) {
            assertArrayEquals(library, in.readAllBytes(), "etcd-benchmark.yaml must be a copy of scenarios/etcd-benchmark.yaml");
        }
    }
}
