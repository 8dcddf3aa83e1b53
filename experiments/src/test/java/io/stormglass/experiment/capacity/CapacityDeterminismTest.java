package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.report.capacity.CapacityReport;
import org.junit.jupiter.api.Test;

/** The same capacity file gives the same study, byte for byte, whatever the parallelism. */
class CapacityDeterminismTest {
    @Test
    void oneJobAndTwoJobsGiveTheSameStudy() throws Exception {
        CapacityPlan plan = CapacityLoader.parse("d.yaml", """
                description: determinism
                workload: {mix: {put: 0.5, get: 0.5}}
                ramp: {start: 100/s, factor: 2, max: 400/s, step-duration: 2s, warmup: 2s}
                slo: {put-p99: 25ms}
                current-load: 50/s
                monthly-growth: 5%
                profiles:
                  ssd: {builtin: sata-ssd}
                  gp3: {builtin: gp3}
                """, "d.yaml");
        String one = CapacityReport.json(CapacityRunner.run(plan, 1, "x", CapacityRunner.Progress.NONE));
        String two = CapacityReport.json(CapacityRunner.run(plan, 2, "x", CapacityRunner.Progress.NONE));
        assertEquals(one, two);
    }
}
