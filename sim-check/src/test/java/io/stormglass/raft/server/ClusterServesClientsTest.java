package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.check.linearizability.Budget;
import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.check.linearizability.LinearizabilityChecker;
import io.stormglass.raft.client.Operation;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A 3-member cluster serving a closed-loop client, with every member crash-restarted in turn. */
class ClusterServesClientsTest {
    private static final long S = 1_000_000_000L;
    private static final int OPS = 10_000;
    private static final int KEYS = 50;

    /** Alternates put(k, v_i) and a linearizable get of the key just written. */
    private static final class ClosedLoop {
        final TestCluster cluster;
        final KvClient client;
        int issued;
        int succeeded;
        int wrongReads;
        final Map<String, String> lastAcked = new TreeMap<>();
        String lastPutValue;

        ClosedLoop(TestCluster cluster, KvClient client) {
            this.cluster = cluster;
            this.client = client;
        }

        void next() {
            if (issued == OPS) {
                return;
            }
            int i = issued++;
            String key = "k" + (i / 2 % KEYS);
            if (i % 2 == 0) {
                String value = "v" + i;
                client.put(key, value, r -> {
                    lastPutValue = r.ok() ? value : null;
                    if (r.ok()) {
                        succeeded++;
                        lastAcked.put(key, value);
                    }
                    next();
                });
            } else {
                client.get(key, true, r -> {
                    if (r.ok()) {
                        succeeded++;
                        List<KeyValue> kvs = ((KvResult.RangeResult) r.result()).kvs();
                        if (lastPutValue != null && (kvs.isEmpty() || !kvs.get(0).value().equals(lastPutValue))) {
                            wrongReads++;
                        }
                    }
                    next();
                });
            }
        }
    }

    @Test
    void tenThousandOpsStayCorrectThroughACrashRestartOfEveryMember() {
        TestCluster cluster = new TestCluster(3, 7, CpuCosts.defaults(), 0);
        cluster.startAll();
        cluster.awaitLeader(5 * S);
        ClosedLoop loop = new ClosedLoop(cluster, cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3))));
        loop.next();
        for (int victim = 1; victim <= 3; victim++) {
            int target = victim * OPS / 4;
            while (loop.issued < target) {
                cluster.sim.runFor(10_000_000L);
            }
            cluster.crash(victim, CrashMode.TORN_UNSYNCED);
            cluster.sim.runFor(3 * S);
            assertTrue(cluster.member(victim).start(), "member " + victim + " recovers from its WAL");
        }
        while (loop.issued < OPS && cluster.sim.nowNanos() < 600 * S) {
            cluster.sim.runFor(100_000_000L);
        }
        cluster.sim.runFor(5 * S);
        assertEquals(OPS, loop.issued);
        assertEquals(0, loop.wrongReads, "a read after an acknowledged put returns that put's value");
        assertTrue(loop.succeeded > OPS * 9 / 10, "succeeded " + loop.succeeded);

        // every member, restarted from its WAL, holds every acknowledged write (or a later one whose outcome was unknown)
        Map<String, List<String>> possible = new TreeMap<>();
        for (Operation op : cluster.history.operations()) {
            if (op.kind() == Operation.Kind.WRITE && op.outcome() != Operation.Outcome.FAILED) {
                possible.computeIfAbsent(op.key(), k -> new java.util.ArrayList<>()).add(op.value());
            }
        }
        for (Member m : cluster.members) {
            assertTrue(m.isUp());
            for (Map.Entry<String, String> acked : loop.lastAcked.entrySet()) {
                KeyValue kv = m.kv().get(acked.getKey());
                assertNotNull(kv, "member " + m.id() + " lost key " + acked.getKey());
                List<String> values = possible.get(acked.getKey());
                int ackedAt = values.indexOf(acked.getValue());
                assertTrue(values.subList(ackedAt, values.size()).contains(kv.value()),
                        "member " + m.id() + " has " + kv.value() + " for " + acked.getKey() + ", acknowledged " + acked.getValue());
            }
        }
        CheckResult check = new LinearizabilityChecker(Budget.steps(50_000_000)).check(cluster.history.operations());
        assertInstanceOf(CheckResult.Linearizable.class, check, check.toString());
        assertEquals(cluster.members.get(0).kv().digest(), cluster.members.get(1).kv().digest());
        assertEquals(cluster.members.get(0).kv().digest(), cluster.members.get(2).kv().digest());
    }

    @Test
    void theSameSeedGivesTheSameFingerprint() {
        String a = shortRun(11);
        assertEquals(a, shortRun(11));
        assertTrue(!a.equals(shortRun(12)));
    }

    private static String shortRun(long seed) {
        TestCluster cluster = new TestCluster(3, seed, CpuCosts.defaults(), 500_000);
        cluster.startAll();
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        int[] n = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (n[0]++ < 200) {
                client.put("k" + n[0] % 7, "v" + n[0], (ClientResult r) -> next[0].run());
            }
        };
        cluster.sim.runFor(3 * S);
        next[0].run();
        cluster.sim.runFor(10 * S);
        return cluster.sim.fingerprint().hex();
    }
}
