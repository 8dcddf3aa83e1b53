package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.net.latency.LatencySampler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final Topology WORLD = Topology.builder()
            .place(1, "us-east", "us-east-1a", "r1")
            .place(2, "us-east", "us-east-1a", "r1")
            .place(3, "us-east", "us-east-1a", "r2")
            .place(4, "us-east", "us-east-1b", "r1")
            .place(5, "us-west", "us-west-2a", "r1")
            .place(6, "eu-west", "eu-west-1a", "r1")
            .regionRttMs("eu-west", "us-west", 400)
            .link(1, 6, LinkSpec.constantMs(123))
            .rttMs(2, 4, 3.0)
            .build();

    /** Median of 20 001 draws of the round trip a → b → a, in milliseconds. */
    private static double medianRttMs(int a, int b) {
        LatencySampler there = WORLD.link(a, b).latency().sampler(new SimRandom(a * 31L + b));
        LatencySampler back = WORLD.link(b, a).latency().sampler(new SimRandom(b * 31L + a));
        double[] rtt = new double[20_001];
        for (int i = 0; i < rtt.length; i++) {
            rtt[i] = (there.nextNanos() + back.nextNanos()) / 1e6;
        }
        Arrays.sort(rtt);
        return rtt[rtt.length / 2];
    }

    @Test
    void defaultRttsByDistance() {
        double rack = medianRttMs(1, 2);
        assertTrue(rack >= 0.1 && rack <= 0.3, "same rack " + rack);
        assertEquals(0.5, medianRttMs(1, 3), 0.02, "same zone, other rack");
        assertEquals(1.0, medianRttMs(1, 4), 0.04, "cross-AZ");
        assertEquals(50, medianRttMs(4, 5), 1.0, "cross-region default (seed: US ~50 ms)");
        assertEquals(400, medianRttMs(5, 6), 6.0, "intercontinental override");
        assertEquals(3.0, medianRttMs(2, 4), 0.1, "RTT matrix entry beats the placement");
        assertEquals(3.0, medianRttMs(4, 2), 0.1, "in both directions");
    }

    @Test
    void overridesAreDirectional() {
        assertEquals(LinkSpec.constantMs(123), WORLD.link(1, 6));
        assertTrue(WORLD.link(6, 1).latency() instanceof io.stormglass.net.latency.LogNormal,
                "the reverse link keeps the distance default");
        assertEquals(Placement.Distance.CROSS_ZONE, WORLD.placement(1).distanceTo(WORLD.placement(4)));
        assertEquals(Placement.local(), WORLD.placement(99));
        Topology template = Topology.builder().linkTemplate(LinkSpec.constantMs(0).withLossPpm(7)).build();
        assertEquals(7, template.link(1, 2).lossPpm());
        assertSame(Ordering.FIFO, template.link(1, 2).ordering());
    }
}
