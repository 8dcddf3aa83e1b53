package io.stormglass.net.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.net.LinkSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link FairShare} and {@link BusyConnections} against the computation they replaced (connections in a
 * {@code TreeMap} by key, grouped in a {@code TreeMap} by link key, groups stable-sorted by capacity): the
 * same order and the same doubles, bit for bit, on random mixes of links, caps and connections.
 */
class FairShareTest {
    private static final double[] NIC_RATES = {Double.POSITIVE_INFINITY, 1e9, 1e8, 123_456_789, 3e9};
    private static final long[] CAPS = {0, 0, 0, 100_000_000L, 300_000_000L, 1_000_000_000L, 5_000_000_000L, 77_777_777L};
    private static final int[] PEERS = {2, 3, 20, 21, 200, 1001, 1002, 1010, 9};
    private static final String[] NAMES = {"message", "msgappv2", "snapshot", "stream"};

    private final Recorder recorder = new Recorder(new Simulation());
    private final RandomStreams streams = new RandomStreams(1);

    @Test
    void sameOrderAndSameRatesAsTheTreeMapComputation() {
        Random random = new Random(42);
        FairShare fairShare = new FairShare();
        for (int round = 0; round < 2_000; round++) {
            double nic = NIC_RATES[random.nextInt(NIC_RATES.length)];
            List<Connection<Object>> connections = randomConnections(random);
            BusyConnections<Object> busy = new BusyConnections<>();
            Map<String, Connection<Object>> reference = new TreeMap<>();
            for (Connection<Object> c : connections) {
                busy.add(c);
                reference.put(c.key, c);
            }
            List<Connection<Object>> expectedOrder = new ArrayList<>(reference.values());
            assertEquals(expectedOrder.size(), busy.size());
            for (int i = 0; i < busy.size(); i++) {
                assertEquals(expectedOrder.get(i), busy.get(i), "position " + i);
            }
            double[] expected = referenceRates(expectedOrder, nic);
            fairShare.assign(busy, nic, link -> capacity(link, nic));
            for (int i = 0; i < busy.size(); i++) {
                assertEquals(expected[i], busy.get(i).rateBitsPerSecond, "round " + round + ", " + busy.get(i).key);
            }
        }
    }

    @Test
    void removeIdleKeepsTheOthersInKeyOrder() {
        Link a = link(1, 2, 0);
        Link b = link(1, 10, 0);
        BusyConnections<Object> busy = new BusyConnections<>();
        List<Connection<Object>> all = List.of(new Connection<>(b, "message"), new Connection<>(a, "snapshot"),
                new Connection<>(a, "message"), new Connection<>(b, "msgappv2"));
        for (Connection<Object> c : all) {
            c.enqueue(new Frame<>(c.link, c, "m", TrafficClass.HEARTBEAT, 8, 0, 0, f -> { }));
            busy.add(c);
        }
        all.get(2).popHead(); // n1->n2/message goes idle
        busy.removeIdle();
        assertEquals(List.of("n1->n10/message", "n1->n10/msgappv2", "n1->n2/snapshot"),
                List.of(busy.get(0).key, busy.get(1).key, busy.get(2).key));
        assertEquals(3, busy.size());
    }

    private List<Connection<Object>> randomConnections(Random random) {
        int links = 1 + random.nextInt(7);
        List<Connection<Object>> out = new ArrayList<>();
        List<Integer> peers = new ArrayList<>();
        for (int p : PEERS) {
            peers.add(p);
        }
        Collections.shuffle(peers, random);
        for (int l = 0; l < links; l++) {
            Link link = link(1, peers.get(l), CAPS[random.nextInt(CAPS.length)]);
            for (String name : NAMES) {
                if (random.nextInt(3) == 0 || name.equals("message")) {
                    out.add(new Connection<>(link, name));
                }
            }
        }
        Collections.shuffle(out, random);
        return out.subList(0, 1 + random.nextInt(out.size()));
    }

    private Link link(int from, int to, long capBitsPerSecond) {
        LinkSpec spec = LinkSpec.constantMs(0).withBandwidthBitsPerSecond(capBitsPerSecond);
        return new Link(from, to, spec, streams.stream("l/" + from + "/" + to), streams.stream("f/" + from + "/" + to), recorder);
    }

    private static double capacity(Link link, double nic) {
        long cap = link.spec.bandwidthBitsPerSecond();
        return cap == 0 ? nic : Math.min(cap, nic);
    }

    /** The computation {@link FairShare} replaced, verbatim in its arithmetic. */
    private static double[] referenceRates(List<Connection<Object>> busy, double nic) {
        Map<String, List<Integer>> byLink = new TreeMap<>();
        for (int i = 0; i < busy.size(); i++) {
            byLink.computeIfAbsent(busy.get(i).link.key(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> links = new ArrayList<>(byLink.values());
        links.sort(Comparator.comparingDouble(group -> capacity(busy.get(group.get(0)).link, nic)));
        double[] rates = new double[busy.size()];
        double left = nic;
        int remaining = links.size();
        for (List<Integer> group : links) {
            double share = left / remaining;
            double linkRate = Math.min(capacity(busy.get(group.get(0)).link, nic), share);
            if (!Double.isInfinite(left)) {
                left -= linkRate;
            }
            remaining--;
            for (int i : group) {
                rates[i] = linkRate / group.size();
            }
        }
        return rates;
    }
}
