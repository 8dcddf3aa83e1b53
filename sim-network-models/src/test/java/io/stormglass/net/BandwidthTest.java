package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.net.TrafficClass;
import org.junit.jupiter.api.Test;

class BandwidthTest {
    private static final int GIB = 1 << 30;
    private static final long GBIT = 1_000_000_000L;
    private static final EventKind SEND = EventKind.named("test.send");
    /** 8 · 2^30 bits at 10^9 bit/s. */
    private static final long SNAPSHOT_NANOS = 8_589_934_592L;
    private static final long LATENCY_NANOS = 500_000;

    private static Harness snapshotThenHeartbeat(ConnectionMap connections) {
        NetworkOptions options = new NetworkOptions(GBIT, connections);
        Harness h = Harness.pair(1, LinkSpec.constantMs(0.5), options);
        h.network.send(1, 2, new TestMessage(1, GIB, TrafficClass.SNAPSHOT));
        h.sim.schedule(1_000_000, SEND, 0, () -> h.network.send(1, 2, TestMessage.heartbeat(2)));
        h.sim.run();
        assertEquals(2, h.to(2).size());
        return h;
    }

    private static long deliveredAt(Harness h, long seq) {
        return h.to(2).stream().filter(d -> d.message().seq() == seq).findFirst().orElseThrow().atNanos();
    }

    @Test
    void oneGibAtOneGbitTakes859SecondsAndBlocksHeartbeatsOnTheSameConnection() {
        Harness h = snapshotThenHeartbeat(ConnectionMap.single());
        assertEquals(SNAPSHOT_NANOS + LATENCY_NANOS, deliveredAt(h, 1));
        // the heartbeat was serialized right after the snapshot: 800 bits at 1 Gbit/s
        assertEquals(SNAPSHOT_NANOS + 800 + LATENCY_NANOS, deliveredAt(h, 2));
        long heartbeatDelay = h.recorder.latencies().values().iterator().next().maxNanos();
        assertTrue(heartbeatDelay > 8_500_000_000L, "the heartbeat waited " + heartbeatDelay + " ns");
    }

    @Test
    void snapshotOnItsOwnConnectionSharesTheNicAndHeartbeatsPass() {
        Harness h = snapshotThenHeartbeat(ConnectionMap.etcd());
        // the heartbeat gets half the NIC while the snapshot streams: 800 bits at 0.5 Gbit/s
        assertEquals(1_000_000 + 1_600 + LATENCY_NANOS, deliveredAt(h, 2));
        // the snapshot lost 800 bits' worth of NIC time to it
        assertEquals(SNAPSHOT_NANOS + 800 + LATENCY_NANOS, deliveredAt(h, 1), 1);
    }

    @Test
    void linkCapLimitsOneLinkAndTheSpareGoesToTheOther() {
        // 1 → 2 capped at 100 Mbit/s, 1 → 3 uncapped; the NIC does 1 Gbit/s
        Topology topology = Topology.builder()
                .link(1, 2, LinkSpec.constantMs(0).withBandwidthBitsPerSecond(100_000_000L))
                .link(1, 3, LinkSpec.constantMs(0))
                .build();
        Harness h = new Harness(1, topology, new NetworkOptions(GBIT, ConnectionMap.etcd()), 2, 3);
        int size = 125_000_000; // 1 Gbit
        h.network.send(1, 2, new TestMessage(1, size, TrafficClass.SNAPSHOT));
        h.network.send(1, 3, new TestMessage(2, size, TrafficClass.SNAPSHOT));
        h.sim.run();
        // max-min fair: 100 Mbit/s to n2, 900 Mbit/s to n3 → n3 done at 1.111 s; then n2 alone at its cap
        long toThree = h.to(3).get(0).atNanos();
        long toTwo = h.to(2).get(0).atNanos();
        assertEquals(1_111_111_112L, toThree, 2);
        assertEquals(10_000_000_000L, toTwo, 2);
    }

    @Test
    void twoPeersShareTheNicEquallyAndUtilisationIsMeasured() {
        Topology topology = Topology.builder()
                .link(1, 2, LinkSpec.constantMs(0)).link(1, 3, LinkSpec.constantMs(0)).build();
        Harness h = new Harness(1, topology, new NetworkOptions(GBIT, ConnectionMap.single()), 2, 3);
        h.recorder.start();
        int size = 125_000_000; // 1 Gbit each
        h.network.send(1, 2, new TestMessage(1, size, TrafficClass.APPEND));
        h.network.send(1, 3, new TestMessage(2, size, TrafficClass.APPEND));
        h.sim.runUntil(3_000_000_000L);
        assertEquals(2_000_000_000L, h.to(2).get(0).atNanos(), 2);
        assertEquals(2_000_000_000L, h.to(3).get(0).atNanos(), 2);
        var gauge = h.recorder.gauges().get(io.stormglass.engine.metrics.MetricId.of(
                "net_link_utilisation_ratio", "from", "n1", "to", "n2"));
        // windows of 1 s: half the NIC in each of the first two, idle in the third
        assertEquals(0.5, gauge.windowValue(0), 1e-6);
        assertEquals(0.5, gauge.windowValue(1), 1e-6);
        assertEquals(0.0, gauge.windowValue(2), 1e-6);
    }

    @Test
    void aNodeCanHaveASlowerNic() {
        io.stormglass.engine.event.Simulation sim = new io.stormglass.engine.event.Simulation();
        Network<TestMessage> network = Network.builder(sim, new io.stormglass.engine.random.RandomStreams(1),
                        new io.stormglass.engine.metrics.Recorder(sim), TestMessage.TRAITS)
                .topology(Topology.builder().linkBothWays(1, 2, LinkSpec.constantMs(0)).build())
                .options(new NetworkOptions(GBIT, ConnectionMap.etcd()))
                .nicBandwidthBitsPerSecond(2, 100_000_000L)
                .build();
        java.util.List<Long> at = new java.util.ArrayList<>();
        network.register(1, (from, m) -> at.add(sim.nowNanos()));
        network.register(2, (from, m) -> at.add(sim.nowNanos()));
        network.send(1, 2, new TestMessage(1, 125_000_000, TrafficClass.SNAPSHOT));
        sim.run();
        network.send(2, 1, new TestMessage(2, 125_000_000, TrafficClass.SNAPSHOT));
        sim.run();
        assertEquals(java.util.List.of(1_000_000_000L, 11_000_000_000L), at, "1 Gbit at 1 Gbit/s, then at 100 Mbit/s");
    }

    @Test
    void aCutLinkFreesItsShareOfTheNic() {
        Topology topology = Topology.builder()
                .link(1, 2, LinkSpec.constantMs(0)).link(1, 3, LinkSpec.constantMs(0)).build();
        Harness h = new Harness(1, topology, new NetworkOptions(GBIT, ConnectionMap.etcd()), 2, 3);
        h.network.send(1, 2, new TestMessage(1, GIB, TrafficClass.SNAPSHOT));
        h.network.send(1, 3, new TestMessage(2, 125_000_000, TrafficClass.APPEND));
        h.network.faultSchedule().during(1_000_000_000L, 1_000_000L,
                io.stormglass.net.partition.NetworkFault.OneWay.of(1, 2));
        h.sim.run();
        // half the NIC until the cut at 1 s (0.5 Gbit done), then all of it for the remaining 0.5 Gbit
        assertEquals(1_500_000_000L, h.to(3).get(0).atNanos(), 2);
        assertEquals(0, h.to(2).size(), "the snapshot died with its connection");
        assertEquals(1, h.counter("net_messages_dropped_total", "from", "n1", "to", "n2", "reason", "partition"));
    }
}
