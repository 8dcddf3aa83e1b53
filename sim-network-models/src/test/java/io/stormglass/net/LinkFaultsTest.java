package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import org.junit.jupiter.api.Test;

class LinkFaultsTest {
    private static final int N = 100_000;
    private static final EventKind SEND = EventKind.named("test.send");

    private static Harness sendMany(LinkSpec spec) {
        Harness h = Harness.pair(11, spec, NetworkOptions.defaults());
        for (int i = 0; i < N; i++) {
            long seq = i;
            h.sim.schedule(i * 1_000L, SEND, 0, () -> h.network.send(1, 2, TestMessage.heartbeat(seq)));
        }
        h.sim.run();
        return h;
    }

    private static long dropped(Harness h, String reason) {
        return h.counter("net_messages_dropped_total", "from", "n1", "to", "n2", "reason", reason);
    }

    /** Asserts {@code observed} is within 4 standard deviations of Binomial(N, ppm / 10^6). */
    private static void assertBinomial(long observed, long ppm, String what) {
        double p = ppm / 1e6;
        double mean = N * p;
        double sd = Math.sqrt(N * p * (1 - p));
        assertTrue(Math.abs(observed - mean) <= 4 * sd,
                what + ": " + observed + " outside " + mean + " ± " + 4 * sd);
    }

    @Test
    void lossIsWithinBinomialBoundsOfItsRate() {
        Harness h = sendMany(LinkSpec.constantMs(1).withLossPpm(100_000));
        long lost = dropped(h, "loss");
        assertBinomial(lost, 100_000, "lost");
        assertEquals(N - lost, h.to(2).size());
        assertEquals(N, h.counter("net_messages_total", "from", "n1", "to", "n2", "class", "heartbeat"));
        Harness rare = sendMany(LinkSpec.constantMs(1).withLossPpm(500));
        assertBinomial(dropped(rare, "loss"), 500, "lost");
    }

    @Test
    void duplicatesArriveTwiceAndInOrder() {
        Harness h = sendMany(LinkSpec.constantMs(1).withDuplicatePpm(20_000));
        long extra = h.to(2).size() - N;
        assertBinomial(extra, 20_000, "duplicates");
        long last = -1;
        for (Harness.Delivery d : h.to(2)) {
            assertTrue(d.message().seq() >= last, "FIFO holds for duplicates too");
            last = d.message().seq();
        }
    }

    @Test
    void corruptionIsDetectedByTheReceiverAndCounted() {
        Harness h = sendMany(LinkSpec.constantMs(1).withCorruptPpm(50_000));
        long corrupt = dropped(h, "corrupt");
        assertBinomial(corrupt, 50_000, "corrupt");
        assertEquals(N - corrupt, h.to(2).size());
        assertEquals(corrupt, h.network.droppedMessages());
    }

    @Test
    void zeroFaultsAndUnregisteredReceiver() {
        Harness h = sendMany(LinkSpec.constantMs(1));
        assertEquals(N, h.to(2).size());
        assertEquals(0, h.network.droppedMessages());
        h.network.unregister(2);
        h.network.send(1, 2, TestMessage.heartbeat(-1));
        h.sim.run();
        assertEquals(1, dropped(h, "unregistered"));
        var delivery = h.recorder.latencies().get(io.stormglass.engine.metrics.MetricId.of(
                "net_delivery_seconds", "from", "n1", "to", "n2"));
        assertEquals(N, delivery.count());
        // 1 ms propagation plus 800 bits of serialization at 10 Gbit/s: 80 ns
        assertEquals(1_000_080, delivery.percentileNanos(50), 1_000);
    }

    // Raft paper §9.3: survivors with shorter logs hear heartbeats but get no appends.
    @Test
    void withholdingDropsOnlyItsClassesToItsReceivers() {
        Harness h = Harness.pair(11, LinkSpec.constantMs(1), NetworkOptions.defaults());
        h.network.faultSchedule().during(0, 1_000_000_000L, new io.stormglass.net.partition.NetworkFault.Withhold(
                new java.util.TreeSet<>(java.util.List.of(2)), java.util.Set.of(io.stormglass.engine.net.TrafficClass.APPEND)));
        h.sim.schedule(1_000L, SEND, 0, () -> {
            h.network.send(1, 2, new TestMessage(1, 100, io.stormglass.engine.net.TrafficClass.APPEND));
            h.network.send(1, 2, new TestMessage(2, 100, io.stormglass.engine.net.TrafficClass.HEARTBEAT));
            h.network.send(2, 1, new TestMessage(3, 100, io.stormglass.engine.net.TrafficClass.APPEND));
        });
        h.sim.schedule(2_000_000_000L, SEND, 0, () -> h.network.send(1, 2,
                new TestMessage(4, 100, io.stormglass.engine.net.TrafficClass.APPEND)));
        h.sim.run();
        assertEquals(java.util.List.of(2L, 4L), h.to(2).stream().map(d -> d.message().seq()).toList(),
                "the append to n2 is dropped while withheld, the heartbeat passes, and appends pass again after");
        assertEquals(1, h.to(1).size(), "the other direction is untouched");
        assertEquals(1, dropped(h, "withheld"));
    }
}
