package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The benchmark tool's load shape: clients over shared connections, one endpoint, key size, load phase, request count. */
class LoadShapeTest {
    private static final long S = TestScenarios.S;

    @Test
    void tenClientsOnTwoConnectionsToTheLeaderIssueExactlyTheRequestedCountOnPreloadedEightByteKeys() throws Exception {
        Scenario base = TestScenarios.nvme(10 * S);
        WorkloadSpec w = new WorkloadSpec(new WorkloadSpec.Arrival.ClosedLoop(10, 0),
                new WorkloadSpec.OpMix(0.5, 0.5, 0, 0, 0), new WorkloadSpec.KeySpace(20, 0), 64, 64, null,
                new WorkloadSpec.Shape(2, new WorkloadSpec.Endpoints.Leader(), 8, 20, 500));
        Scenario s = new Scenario("shape", "load shape", "shape.yaml", 1, base.durationNanos(), base.warmupNanos(),
                base.metricsWindowNanos(), base.cluster(), base.devices(), base.network(), w, base.client(), base.faults(),
                base.outputs(), base.checks());
        RunResult r = Runner.run(s, Runner.Options.inMemory());

        assertEquals(500, r.load().requests(), "the request count, not one more");
        assertEquals(500, r.load().succeeded());
        Map<Integer, Long> lastEnd = new TreeMap<>();
        for (Operation op : r.history().operations()) {
            assertEquals(8, op.key().length(), op.describe());
            if (op.kind() == Operation.Kind.READ) {
                assertNotNull(op.value(), "every read finds a preloaded key: " + op.describe());
            }
            long previous = lastEnd.getOrDefault(op.client(), Long.MIN_VALUE);
            assertTrue(op.invokeNanos() >= previous, "a client has one call in flight: " + op.describe());
            lastEnd.put(op.client(), op.completeNanos());
        }
        assertEquals(10, lastEnd.size(), "ten processes in the history, not two connections");
        assertEquals(500, r.history().operations().size(), "the load phase's writes are not in the history");

        TreeSet<String> clientNodes = new TreeSet<>();
        TreeSet<String> contacted = new TreeSet<>();
        for (Map.Entry<MetricId, Counter> c : r.recorder().counters().entrySet()) {
            MetricId id = c.getKey();
            String from = Metric.label(id, Label.FROM);
            if (Metric.NET_MESSAGES.is(id) && from.startsWith("n10") && c.getValue().total() > 0) {
                clientNodes.add(from);
                contacted.add(Metric.label(id, Label.TO));
            }
        }
        assertEquals(new TreeSet<>(java.util.List.of("n1001", "n1002")), clientNodes, "two connections");
        assertEquals(1, contacted.size(), "every connection talks to the leader only: " + contacted);
    }

    @Test
    void theReadersIssueOnlyLinearizableGetsWhileTheOtherClientsFollowTheMix() throws Exception {
        Scenario base = TestScenarios.nvme(7 * S);
        WorkloadSpec w = new WorkloadSpec(new WorkloadSpec.Arrival.ClosedLoop(4, 1_000_000L),
                new WorkloadSpec.OpMix(1.0, 0, 0, 0, 0), new WorkloadSpec.KeySpace(3, 0), 16, 16, null,
                new WorkloadSpec.Shape(0, new WorkloadSpec.Endpoints.RoundRobin(), 0, 0, 0, 2, 0));
        Scenario s = new Scenario("readers", "readers", "readers.yaml", 1, base.durationNanos(), base.warmupNanos(),
                base.metricsWindowNanos(), base.cluster(), base.devices(), base.network(), w, base.client(), base.faults(),
                base.outputs(), base.checks());
        RunResult r = Runner.run(s, Runner.Options.inMemory());

        Map<Integer, TreeSet<Operation.Kind>> kinds = new TreeMap<>();
        for (Operation op : r.history().operations()) {
            kinds.computeIfAbsent(op.client(), c -> new TreeSet<>()).add(op.kind());
        }
        assertEquals(4, kinds.size(), "four clients: " + kinds);
        java.util.List<TreeSet<Operation.Kind>> byClient = java.util.List.copyOf(kinds.values());
        assertEquals(java.util.Set.of(Operation.Kind.READ), byClient.get(0), "the first client only reads");
        assertEquals(java.util.Set.of(Operation.Kind.READ), byClient.get(1), "the second too");
        assertEquals(java.util.Set.of(Operation.Kind.WRITE), byClient.get(2), "the others follow the mix: all puts");
        assertEquals(java.util.Set.of(Operation.Kind.WRITE), byClient.get(3));
    }
}
