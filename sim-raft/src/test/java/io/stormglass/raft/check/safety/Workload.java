package io.stormglass.raft.check.safety;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.KvResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed-loop clients doing puts (every value distinct), linearizable gets and compare-and-sets
 * on a few keys, with a random think time between calls. Each acknowledged write is reported to
 * the monitor; every call lands in the cluster's history through the client.
 */
final class Workload {
    private static final EventKind THINK = EventKind.named("test.workload.think");
    private static final long MAX_THINK_NANOS = 20_000_000L;

    private final SafetyCluster cluster;
    private final List<Loop> loops = new ArrayList<>();
    private boolean running;
    private long acknowledged;

    Workload(SafetyCluster cluster, int clients) {
        this.cluster = cluster;
        for (int i = 0; i < clients; i++) {
            int nodeId = FaultyNetwork.FIRST_CLIENT + 1 + i;
            loops.add(new Loop(cluster.client(nodeId), cluster.random.stream("test/workload/" + nodeId)));
        }
    }

    void start() {
        running = true;
        loops.forEach(Loop::next);
    }

    /** No new call starts; calls in flight still finish (their deadline is bounded). */
    void stop() {
        running = false;
    }

    long acknowledgedWrites() {
        return acknowledged;
    }

    private final class Loop {
        final KvClient client;
        final SimRandom rng;
        final String[] lastSeen = new String[ClusterSetup.KEYS];
        long seq;

        Loop(KvClient client, SimRandom rng) {
            this.client = client;
            this.rng = rng;
        }

        void next() {
            if (!running) {
                return;
            }
            cluster.sim.schedule(rng.nextLong(MAX_THINK_NANOS), THINK, client.nodeId(), this::call);
        }

        private void call() {
            if (!running) {
                return;
            }
            int k = rng.nextInt(ClusterSetup.KEYS);
            String key = "k" + k;
            String value = "c" + client.nodeId() + "-" + (++seq);
            int dice = rng.nextInt(100);
            if (dice < 40 || (dice >= 75 && lastSeen[k] == null)) {
                // a CAS needs a value to compare with: the register model's "absent" is not etcd's empty value
                client.put(key, value, r -> {
                    if (r.ok()) {
                        lastSeen[k] = value;
                        acknowledge(key, value);
                    }
                    next();
                });
            } else if (dice < 75) {
                client.get(key, true, r -> {
                    if (r.ok()) {
                        KvResult.RangeResult range = (KvResult.RangeResult) r.result();
                        lastSeen[k] = range.kvs().isEmpty() ? null : range.kvs().get(0).value();
                    }
                    next();
                });
            } else {
                String expected = lastSeen[k];
                client.compareAndSet(key, expected, value, (ClientResult r) -> {
                    if (r.ok() && r.result() instanceof KvResult.TxnResult t && t.succeeded()) {
                        lastSeen[k] = value;
                        acknowledge(key, value);
                    }
                    next();
                });
            }
        }

        private void acknowledge(String key, String value) {
            acknowledged++;
            cluster.monitor.writeAcknowledged(client.nodeId(), key, value);
        }
    }
}
