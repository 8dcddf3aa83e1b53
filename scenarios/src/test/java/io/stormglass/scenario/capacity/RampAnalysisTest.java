package io.stormglass.scenario.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RampAnalysisTest {
    static CapacityStep step(double offered, double p99Ms, boolean meets, Map<Resource, Double> use) {
        return new CapacityStep(offered, offered, p99Ms / 2, p99Ms, Double.NaN, Double.NaN, 0, 0, 1, use,
                meets ? List.of() : List.of("put p99 too high"));
    }

    static Map<Resource, Double> use(Object... resourceAndValue) {
        Map<Resource, Double> m = new EnumMap<>(Resource.class);
        for (int i = 0; i < resourceAndValue.length; i += 2) {
            m.put((Resource) resourceAndValue[i], (Double) resourceAndValue[i + 1]);
        }
        return m;
    }

    @Test
    void theKneeOfAHockeyStickIsWhereItBends() {
        // latency flat at 2 ms up to 600/s, then doubling each step
        List<CapacityStep> steps = new ArrayList<>();
        double[] lat = {2, 2, 2.1, 2.2, 2.4, 2.6, 5, 10, 20, 40};
        for (int i = 0; i < lat.length; i++) {
            steps.add(step(100 * (i + 1), lat[i], true, Map.of()));
        }
        assertEquals(700, RampAnalysis.knee(steps), 1e-9);
        assertTrue(Double.isNaN(RampAnalysis.knee(steps.subList(0, 2))), "too few points");
    }

    @Test
    void maxSustainableStopsAtTheFirstFailure() {
        List<CapacityStep> steps = List.of(step(100, 2, true, Map.of()), step(200, 3, true, Map.of()),
                step(300, 50, false, Map.of()), step(400, 4, true, Map.of()));
        assertEquals(200, RampAnalysis.maxSustainable(steps), 1e-9);
        assertEquals(300, RampAnalysis.attributionStep(steps).offeredPerSecond(), 1e-9);
        assertEquals(0, RampAnalysis.maxSustainable(List.of(step(100, 50, false, Map.of()))), 1e-9);
    }

    @Test
    void attributionPicksTheBusiestResourceAndNamesThrottlesAndNeighbours() {
        assertEquals(Resource.LEADER_CPU, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.6, Resource.LEADER_CPU, 0.99))));
        assertEquals(Resource.WAL_DEVICE, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.95, Resource.NEIGHBOUR, 0.1))));
        assertEquals(Resource.NEIGHBOUR, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.95, Resource.NEIGHBOUR, 0.7))));
        assertEquals(Resource.THROTTLE, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.4, Resource.THROTTLE, 0.9))));
        assertEquals(Resource.THROTTLE, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.95, Resource.THROTTLE, 0.9))), "busy because it waits in the throttle");
        assertEquals(Resource.NETWORK, RampAnalysis.bottleneck(step(1, 1, false, use(Resource.NETWORK, 0.97))));
        assertEquals(Resource.NONE, RampAnalysis.bottleneck(step(1, 1, false, use(Resource.WAL_DEVICE, 0.3))));
    }
}
