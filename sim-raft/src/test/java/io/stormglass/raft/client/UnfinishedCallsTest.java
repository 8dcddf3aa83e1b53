package io.stormglass.raft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.InstantTransport;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.server.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run can stop while calls are out (a member's panic ends it early). A write still out may have
 * been applied already, so the history must hold it as invoked and never answered; leaving it out
 * makes the linearizability checker see values nobody wrote.
 */
class UnfinishedCallsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void callsStillOutWhenTheRunStopsAreRecordedAsUnknownWritesAndFailedReads() {
        Simulation sim = new Simulation();
        InstantTransport<Wire> net = new InstantTransport<>(sim);
        net.register(1, (from, message) -> { }); // a member that never answers
        History history = new History(100);
        KvClient client = new KvClient(1001, new ClientConfig(List.of(1), 2 * S, S, new RetryPolicy.None(), 0), sim, net,
                new SimRandom(1), new Recorder(sim), history);
        client.put("k", "v1", r -> { });
        sim.runUntil(S / 2);
        client.get("k", true, r -> { });
        sim.runUntil(S);

        client.recordUnfinished();

        List<Operation> ops = history.operations();
        assertEquals(2, ops.size());
        assertEquals(Operation.Kind.WRITE, ops.get(0).kind());
        assertEquals(Operation.Outcome.UNKNOWN, ops.get(0).outcome());
        assertEquals("v1", ops.get(0).value());
        assertEquals(0, ops.get(0).invokeNanos());
        assertEquals(Operation.Kind.READ, ops.get(1).kind());
        assertEquals(Operation.Outcome.FAILED, ops.get(1).outcome());
        client.recordUnfinished();
        assertEquals(2, history.operations().size(), "recorded once");
    }
}
