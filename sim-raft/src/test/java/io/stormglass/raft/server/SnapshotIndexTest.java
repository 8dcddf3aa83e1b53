package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.KvClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member's snapshot holds the state at the index it is labelled with. A follower whose WAL is slow
 * gets appends whose entries the leader has already committed with the other follower: it applies them
 * before its own write of them ends, and a snapshot due then must wait for that write (etcd's
 * {@code applyAll} waits on {@code notifyc}) instead of taking a lower label for a state that already
 * holds those entries, which a restart would apply a second time (found by the RANGE_AT_REVISION check:
 * after a restart the follower's revisions ran ahead of the committed history's).
 */
class SnapshotIndexTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void aFollowerRestartedFromItsSnapshotHasTheCommittedRevisions() {
        TestCluster cluster = new TestCluster(3, 11, CpuCosts.defaults(), MS, c -> c.withSnapshots(10, 5));
        cluster.startAll();
        Member leader = cluster.awaitLeader(5 * S);
        int slow = leader.id() % 3 + 1;
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(leader.id())));
        int[] acked = {0};
        for (int round = 0; round < 40; round++) {
            // the slow follower's WAL answers 30 ms late while the leader and the other follower commit
            cluster.devices.get(slow - 1).stall(cluster.sim.nowNanos(), 30 * MS);
            for (int i = 0; i < 5; i++) {
                client.put("k" + (i % 3), "v" + round + "-" + i, r -> acked[0] += r.ok() ? 1 : 0);
            }
            cluster.sim.runFor(40 * MS);
        }
        cluster.sim.runFor(S);
        assertTrue(acked[0] > 150, "the writes went through: " + acked[0]);
        cluster.crash(slow, CrashMode.KEEP_UNSYNCED);
        assertTrue(cluster.member(slow).start(), "the follower boots from its snapshot and WAL");
        cluster.sim.runFor(3 * S);
        Member now = cluster.awaitLeader(S);
        assertEquals(now.kv().revision(), cluster.member(slow).kv().revision(), "same revision as the leader after the restart");
        assertEquals(now.kv().digest(), cluster.member(slow).kv().digest(), "same history, versions and all");
    }
}
