package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.client.WatchSession;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Watches through members, the network and the client: re-watch after a member dies, re-list after compaction. */
class WatchClusterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aSessionSeesEveryPutOnceInOrderAcrossTheCrashOfItsMemberAndACompaction() {
        TestCluster cluster = new TestCluster(3, 9, CpuCosts.defaults(), 0);
        cluster.startAll();
        cluster.awaitLeader(5 * S);
        KvClient writer = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        KvClient watcher = cluster.client(1002, ClientConfig.defaults(List.of(1, 2, 3)));
        List<WatchEvent> seen = new ArrayList<>();
        long[] compacted = {0};
        WatchSession session = new WatchSession(cluster.sim, watcher, "k", "l", m -> cluster.member(m).isUp(),
                new WatchSession.Listener() {
                    @Override
                    public void events(List<WatchEvent> events) {
                        seen.addAll(events);
                    }

                    @Override
                    public void compacted(long compactRevision) {
                        compacted[0] = compactRevision;
                    }
                });
        session.start(1, 0);
        cluster.sim.runFor(S);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String v = "v" + i;
            writer.put("k" + (i % 5), v, r -> {
                if (r.ok()) {
                    written.add(v);
                }
            });
            cluster.sim.runFor(200_000_000L);
            if (i == 50) {
                cluster.crash(1, CrashMode.TORN_UNSYNCED); // the session's member: it must go elsewhere
            }
        }
        cluster.sim.runFor(60 * S);
        assertEquals(1, session.rewatches(), "re-watched once, after the keepalive found its member gone");
        assertEquals(0, session.outOfOrder());
        List<String> values = seen.stream().map(e -> e.kv().value()).toList();
        assertEquals(written, values, "every acknowledged put once, in order, none lost across the re-watch");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).revision() > seen.get(i - 1).revision());
        }
        assertEquals(0, compacted[0]);
    }

    @Test
    void aWatchFromACompactedRevisionIsCancelledAndTheSessionRelists() {
        TestCluster cluster = new TestCluster(3, 9, CpuCosts.defaults(), 0);
        cluster.startAll();
        cluster.awaitLeader(5 * S);
        KvClient writer = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        for (int i = 0; i < 10; i++) {
            writer.put("k", "v" + i, r -> { });
            cluster.sim.runFor(200_000_000L);
        }
        long rev = cluster.member(1).kv().revision();
        writer.compact(rev, r -> { });
        cluster.sim.runFor(S);
        KvClient watcher = cluster.client(1002, ClientConfig.defaults(List.of(1, 2, 3)));
        long[] compacted = {0};
        List<WatchEvent> seen = new ArrayList<>();
        WatchSession session = new WatchSession(cluster.sim, watcher, "k", "", m -> true, new WatchSession.Listener() {
            @Override
            public void events(List<WatchEvent> events) {
                seen.addAll(events);
            }

            @Override
            public void compacted(long compactRevision) {
                compacted[0] = compactRevision;
            }
        });
        session.start(2, 2);
        cluster.sim.runFor(S);
        assertEquals(rev, compacted[0], "cancelled with the compaction revision");
        assertEquals(1, session.relists());
        writer.put("k", "after", r -> { });
        cluster.sim.runFor(S);
        assertEquals(List.of("after"), seen.stream().map(e -> e.kv().value()).toList(), "watching again from the list's revision");
        assertEquals(1, cluster.member(2).kv().eventsBetween(rev + 1, rev + 1).size());
        assertTrue(cluster.member(2).kv().apply(new KvCommand.Compact(rev)) instanceof io.stormglass.raft.kv.KvResult.Rejected);
    }
}
