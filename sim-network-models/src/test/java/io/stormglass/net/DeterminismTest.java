package io.stormglass.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.partition.NetworkFault;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final EventKind SEND = EventKind.named("test.send");

    /** A busy three-node run with every fault switched on; returns (fingerprint, deliveries). */
    private static Object[] run(long seed) {
        LinkSpec spec = LinkSpec.of(new LogNormal(0.5, 2)).withLossPpm(10_000).withDuplicatePpm(10_000)
                .withCorruptPpm(10_000).withBandwidthBitsPerSecond(100_000_000L);
        Topology topology = Topology.builder().linkTemplate(spec).build();
        Harness h = new Harness(seed, topology, NetworkOptions.defaults(), 1, 2, 3);
        h.network.faultSchedule().flapping(50_000_000, 400_000_000, 30_000_000, NetworkFault.OneWay.of(2, 3));
        TrafficClass[] classes = TrafficClass.values();
        for (int i = 0; i < 5000; i++) {
            long seq = i;
            int from = 1 + i % 3;
            int to = 1 + (i / 3) % 3;
            TrafficClass cls = classes[i % classes.length];
            int size = cls == TrafficClass.SNAPSHOT ? 1 << 20 : 200;
            h.sim.schedule(i * 100_000L, SEND, 0, () -> h.network.send(from, to, new TestMessage(seq, size, cls)));
        }
        h.sim.run();
        return new Object[] {h.sim.fingerprint().value(), List.copyOf(h.deliveries)};
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        Object[] a = run(99);
        Object[] b = run(99);
        Object[] c = run(100);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[0], c[0]);
    }
}
