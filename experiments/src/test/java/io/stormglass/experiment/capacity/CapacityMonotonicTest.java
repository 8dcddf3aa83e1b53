package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each starved resource made two and four times faster (src/test/resources/capacity/monotonic.yaml):
 * the maximum sustainable throughput must rise each time, and the attribution must stay with
 * that resource.
 */
class CapacityMonotonicTest {
    @Test
    void maxSustainableThroughputRisesAsEachResourceIsMadeFaster() throws InterruptedException {
        CapacityPlan plan = CapacityLoader.load(Path.of("src/test/resources/capacity/monotonic.yaml"));
        CapacityStudy study = CapacityRunner.run(plan, 2, "test", CapacityRunner.Progress.NONE);
        List<ProfileOutcome> p = study.profiles();
        assertEquals(9, p.size());
        check(p.subList(0, 3), Resource.THROTTLE);
        check(p.subList(3, 6), Resource.LEADER_CPU);
        check(p.subList(6, 9), Resource.NETWORK);
    }

    private static void check(List<ProfileOutcome> slowToFast, Resource expected) {
        for (int i = 0; i < slowToFast.size(); i++) {
            ProfileOutcome p = slowToFast.get(i);
            assertFalse(p.rampExhausted(), p.name() + " saturates within the ramp");
            assertEquals(expected, p.bottleneck(), p.name() + ": " + p.bottleneckDetail());
            if (i > 0) {
                ProfileOutcome slower = slowToFast.get(i - 1);
                // twice the resource: well over 1.3 times the load (ramp steps are √2 apart)
                assertTrue(p.maxSustainablePerSecond() > 1.3 * slower.maxSustainablePerSecond(),
                        p.name() + " " + p.maxSustainablePerSecond() + " vs " + slower.name() + " " + slower.maxSustainablePerSecond());
            }
        }
    }
}
