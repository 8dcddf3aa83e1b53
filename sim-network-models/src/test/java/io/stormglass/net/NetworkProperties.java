package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class NetworkProperties {
    private static final EventKind SEND = EventKind.named("test.send");
    private static final long NIC_BITS_PER_SECOND = 1_000_000_000L;

    /** One send: when, between whom, how big, which class. */
    record Send(long atMicros, int from, int to, int sizeBytes, TrafficClass trafficClass) {
    }

    @Provide
    Arbitrary<List<Send>> schedules() {
        Arbitrary<Send> send = Combinators.combine(
                Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2_000_000),
                Arbitraries.of(TrafficClass.class)).as(Send::new);
        return send.list().ofMinSize(1).ofMaxSize(200);
    }

    /**
     * Under heavy jitter and a shared 1 Gbit/s NIC, every message on a fault-free FIFO network
     * arrives exactly once, in send order per connection, and never sooner than its own
     * serialization time plus the link's minimum latency.
     */
    @Property(tries = 60)
    void fifoDeliversEverythingOnceInOrderPerConnection(@ForAll("schedules") List<Send> sends,
                                                        @ForAll @LongRange(min = 0, max = 1000) long seed) {
        LinkSpec spec = LinkSpec.of(new Uniform(1, 20).withJitter(30));
        Topology.Builder topology = Topology.builder();
        for (int a = 1; a <= 3; a++) {
            for (int b = 1; b <= 3; b++) {
                topology.link(a, b, spec);
            }
        }
        Harness h = new Harness(seed, topology.build(), new NetworkOptions(NIC_BITS_PER_SECOND, ConnectionMap.etcd()), 1, 2, 3);
        Map<Long, Long> sentAt = new TreeMap<>();
        for (int i = 0; i < sends.size(); i++) {
            Send s = sends.get(i);
            TestMessage m = new TestMessage(i, s.sizeBytes(), s.trafficClass());
            h.sim.scheduleAt(s.atMicros() * 1000, SEND, 0, () -> {
                sentAt.put(m.seq(), h.sim.nowNanos());
                h.network.send(s.from(), s.to(), m);
            });
        }
        h.sim.run();
        List<Long> seen = new ArrayList<>();
        Map<String, Long> lastSendOnConnection = new TreeMap<>();
        for (Harness.Delivery d : h.deliveries) {
            long seq = d.message().seq();
            seen.add(seq);
            Send s = sends.get((int) seq);
            if (s.from() != s.to()) {
                long serializationNanos = (long) Math.ceil(8.0 * s.sizeBytes() * 1e9 / NIC_BITS_PER_SECOND);
                assertTrue(d.atNanos() >= sentAt.get(seq) + serializationNanos + 1_000_000,
                        "message " + seq + " arrived too early");
            }
            String connection = s.from() + ">" + s.to() + "/" + ConnectionMap.etcd().connectionFor(s.trafficClass());
            Long previous = lastSendOnConnection.put(connection, sentAt.get(seq) * 1_000_000 + seq);
            assertTrue(previous == null || previous < sentAt.get(seq) * 1_000_000 + seq,
                    "connection " + connection + " reordered message " + seq);
        }
        seen.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < sends.size(); i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "each message exactly once");
    }

    /** Datagram links keep no order but still lose nothing when fault-free. */
    @Property(tries = 30)
    void datagramLosesNothing(@ForAll("schedules") List<Send> sends) {
        LinkSpec spec = LinkSpec.of(new LogNormal(1, 30)).withOrdering(Ordering.DATAGRAM);
        Harness h = new Harness(1, Topology.builder().linkTemplate(spec).build(), NetworkOptions.defaults(), 1, 2, 3);
        for (int i = 0; i < sends.size(); i++) {
            Send s = sends.get(i);
            TestMessage m = new TestMessage(i, s.sizeBytes(), s.trafficClass());
            h.sim.scheduleAt(s.atMicros() * 1000, SEND, 0, () -> h.network.send(s.from(), s.to(), m));
        }
        h.sim.run();
        assertEquals(sends.size(), h.deliveries.size());
        assertEquals(0, h.network.droppedMessages());
    }
}
