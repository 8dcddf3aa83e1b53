package io.stormglass.net;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/** A simulation, a recorder and a network of {@link TestMessage}s with every delivery logged. */
final class Harness {
    /** One delivery: when, from whom, what. */
    record Delivery(long atNanos, int from, int to, TestMessage message) {
    }

    final Simulation sim = new Simulation();
    final Recorder recorder = new Recorder(sim);
    final Network<TestMessage> network;
    final List<Delivery> deliveries = new ArrayList<>();

    Harness(long seed, Topology topology, NetworkOptions options, int... nodes) {
        network = Network.builder(sim, new RandomStreams(seed), recorder, TestMessage.TRAITS)
                .topology(topology).options(options).build();
        for (int node : nodes) {
            network.register(node, (from, m) -> deliveries.add(new Delivery(sim.nowNanos(), from, node, m)));
        }
    }

    /** Two nodes 1 and 2 with the same spec both ways. */
    static Harness pair(long seed, LinkSpec spec, NetworkOptions options) {
        return new Harness(seed, Topology.builder().linkBothWays(1, 2, spec).build(), options, 1, 2);
    }

    long counter(String name, String... labels) {
        var c = recorder.counters().get(MetricId.of(name, labels));
        return c == null ? 0 : c.total();
    }

    List<Delivery> to(int node) {
        return deliveries.stream().filter(d -> d.to() == node).toList();
    }
}
