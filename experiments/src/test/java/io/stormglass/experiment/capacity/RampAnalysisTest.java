package io.stormglass.experiment.capacity;

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
        assertEquals(700, RampAnalysis.knee(steps, false), 1e-9);
        assertTrue(Double.isNaN(RampAnalysis.knee(steps.subList(0, 2), false)), "too few points");
        // rises early, then flattens: no knee
        List<CapacityStep> concave = List.of(step(10, 1, true, Map.of()), step(20, 3, true, Map.of()),
                step(40, 3.5, true, Map.of()), step(80, 3.7, true, Map.of()), step(160, 3.8, true, Map.of()));
        assertTrue(Double.isNaN(RampAnalysis.knee(concave, true)), "knee " + RampAnalysis.knee(concave, true));
        // a geometric ramp, flat for two decades then bending: the knee is where it bends, not a noisy low step
        List<CapacityStep> geometric = new ArrayList<>();
        double[] p99 = {4.3, 3.6, 3.2, 3.5, 2.9, 3.0, 3.1, 3.2, 3.3, 3.5, 4, 6, 12, 30};
        for (int i = 0; i < p99.length; i++) {
            geometric.add(step(10 * Math.pow(1.5, i), p99[i], true, Map.of()));
        }
        // the bend: latency leaves its plateau (4 ms, then 6, 12, 30); Kneedle picks the point farthest below the chord
        assertEquals(10 * Math.pow(1.5, 11), RampAnalysis.knee(geometric, true), 1e-6);
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
        assertEquals(Resource.NEIGHBOUR, RampAnalysis.bottleneck(step(1, 1, false,
                use(Resource.WAL_DEVICE, 0.8, Resource.THROTTLE, 0.7, Resource.NEIGHBOUR, 0.45))), "the neighbour uses up the throttle");
        assertEquals(Resource.NETWORK, RampAnalysis.bottleneck(step(1, 1, false, use(Resource.NETWORK, 0.97))));
        assertEquals(Resource.NONE, RampAnalysis.bottleneck(step(1, 1, false, use(Resource.WAL_DEVICE, 0.3))));
    }
}
