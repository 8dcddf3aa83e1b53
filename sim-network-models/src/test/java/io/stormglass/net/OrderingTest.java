package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.net.TrafficClass;
import io.stormglass.net.latency.Uniform;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {
    private static final int MESSAGES = 20_000;

    /** Sends {@code MESSAGES} heartbeats and appends 1 → 2, one every 10 µs, through 0–50 ms of jitter. */
    private static Harness run(Ordering ordering) {
        LinkSpec spec = LinkSpec.of(new Uniform(0, 50)).withOrdering(ordering);
        Harness h = Harness.pair(7, spec, NetworkOptions.defaults());
        for (int i = 0; i < MESSAGES; i++) {
            long seq = i;
            TrafficClass cls = i % 2 == 0 ? TrafficClass.HEARTBEAT : TrafficClass.APPEND;
            h.sim.schedule(i * 10_000L, io.stormglass.engine.event.EventKind.named("test.send"), 0,
                    () -> h.network.send(1, 2, new TestMessage(seq, 200, cls)));
        }
        h.sim.run();
        assertEquals(MESSAGES, h.to(2).size(), "nothing is lost on a fault-free link");
        return h;
    }

    private static long inversions(List<Harness.Delivery> deliveries, TrafficClass cls) {
        long inversions = 0;
        long last = -1;
        for (Harness.Delivery d : deliveries) {
            if (d.message().trafficClass() == cls) {
                if (d.message().seq() < last) {
                    inversions++;
                }
                last = Math.max(last, d.message().seq());
            }
        }
        return inversions;
    }

    @Test
    void fifoNeverReordersWithinAConnectionUnderHeavyJitter() {
        Harness h = run(Ordering.FIFO);
        List<Harness.Delivery> got = h.to(2);
        assertEquals(0, inversions(got, TrafficClass.HEARTBEAT));
        assertEquals(0, inversions(got, TrafficClass.APPEND));
        // the two classes ride separate etcd streams, so across connections order is free
        long crossConnection = 0;
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i).message().seq() < got.get(i - 1).message().seq()) {
                crossConnection++;
            }
        }
        assertTrue(crossConnection > 0, "different connections are independent");
        // head-of-line blocking: a FIFO message waits for the slowest earlier one, so the mean delay
        // exceeds the 25 ms mean of the jitter
        double meanDelayMs = h.recorder.latencies().values().iterator().next().meanNanos() / 1e6;
        assertTrue(meanDelayMs > 40, "FIFO delay " + meanDelayMs + " ms");
    }

    @Test
    void datagramModeReorders() {
        Harness h = run(Ordering.DATAGRAM);
        long inversions = inversions(h.to(2), TrafficClass.HEARTBEAT);
        // 10 µs apart with 0–50 ms jitter: nearly every message is overtaken by a later one
        assertTrue(inversions > MESSAGES / 4, "inversions: " + inversions);
        double meanDelayMs = h.recorder.latencies().values().iterator().next().meanNanos() / 1e6;
        assertEquals(25, meanDelayMs, 0.75, "datagram delay is the jitter itself");
    }

    @Test
    void reorderOptionHoldsBackDatagrams() {
        LinkSpec spec = LinkSpec.constantMs(1).withOrdering(Ordering.DATAGRAM).withReorder(100_000, 5);
        Harness h = Harness.pair(3, spec, NetworkOptions.defaults());
        for (int i = 0; i < 10_000; i++) {
            long seq = i;
            h.sim.schedule(i * 100_000L, io.stormglass.engine.event.EventKind.named("test.send"), 0,
                    () -> h.network.send(1, 2, TestMessage.heartbeat(seq)));
        }
        h.sim.run();
        long inversions = inversions(h.to(2), TrafficClass.HEARTBEAT);
        // 10 % are held up to 5 ms, i.e. behind up to 50 later messages: about 1000 reordered
        assertTrue(inversions > 800 && inversions < 1200, "inversions: " + inversions);
        // the same link in FIFO mode ignores the reorder option
        Harness fifo = Harness.pair(3, spec.withOrdering(Ordering.FIFO), NetworkOptions.defaults());
        for (int i = 0; i < 1000; i++) {
            fifo.network.send(1, 2, TestMessage.heartbeat(i));
        }
        fifo.sim.run();
        assertEquals(0, inversions(fifo.to(2), TrafficClass.HEARTBEAT));
    }
}
