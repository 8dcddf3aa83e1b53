package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A member's snapshot file holds the membership, as etcd's does, and the key-value state it stands for
 * (a frozen view of the store, kept beside it as etcd's database file is) restores exactly after every
 * kind of crash, after compactions, and when a lagging member installs the leader's snapshot.
 */
class LocalSnapshotTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    /** 1 000 characters without a final run, so the snapshot encoding cannot pack them away. */
    private static final String VALUE = "0123456789".repeat(100);

    /** Writes with leases, deletes and compactions: {@code rounds} rounds of puts of ~1 KB values. */
    private static int write(TestCluster cluster, KvClient client, int rounds, int leader) {
        int[] acked = {0};
        client.leaseGrant(77, 3_600 * S, r -> { });
        cluster.sim.runFor(100 * MS);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 5; i++) {
                String key = "k" + (round * 5 + i) % 23;
                if (i == 2) {
                    client.putWithLease(key, "leased-" + round, 77, r -> acked[0] += r.ok() ? 1 : 0);
                } else {
                    client.put(key, "v" + round + "-" + VALUE, r -> acked[0] += r.ok() ? 1 : 0);
                }
            }
            if (round % 7 == 3) {
                client.delete("k" + round % 23, r -> { });
            }
            if (round % 25 == 24) {
                cluster.member(leader).compactNow();
            }
            cluster.sim.runFor(20 * MS);
        }
        cluster.sim.runFor(S);
        return acked[0];
    }

    /**
     * The oracle: the committed entries applied, in order, to a store of its own (each index once, by
     * whichever member applies it first), with the digest after each; a member that restores a snapshot
     * at index {@code i} must hold exactly the state of index {@code i}. Checked as the restore happens
     * (an install) or right after {@link Member#start()} (a boot: nothing of the WAL is applied yet).
     */
    private static final class Oracle implements MemberObserver {
        private final KvStore shadow = new KvStore();
        private final Map<Long, Long> digestAt = new TreeMap<>();
        private final Map<Integer, Long> restoredAt = new TreeMap<>();
        private TestCluster cluster;
        private long shadowIndex;
        private int checked;

        @Override
        public void applied(int member, Entry entry) {
            if (entry.index() != shadowIndex + 1) {
                return;
            }
            if (entry.type() == EntryType.NORMAL && entry.data().length > 0) {
                shadow.apply(KvCodec.decodeProposal(entry.data()).command());
            }
            shadowIndex = entry.index();
            digestAt.put(shadowIndex, shadow.digest());
        }

        @Override
        public void restoredSnapshot(int member, long index, long term) {
            restoredAt.put(member, index);
            if (cluster.member(member).isUp()) {
                check(member);
            }
        }

        /** The member's store holds the state of the index it last restored a snapshot at. */
        void check(int member) {
            long index = restoredAt.get(member);
            assertEquals(digestAt.get(index), cluster.member(member).kv().digest(), "n" + member + " restored index " + index);
            checked++;
        }

        /** Starts {@code member} and checks the state its snapshot restored, if it had one. */
        void start(int member) {
            restoredAt.remove(member);
            assertTrue(cluster.member(member).start(), "n" + member + " boots from its snapshot and WAL");
            if (restoredAt.containsKey(member)) {
                check(member);
            }
        }
    }

    private static TestCluster cluster(Oracle oracle) {
        TestCluster cluster = new TestCluster(3, 0, 23, CpuCosts.defaults(), MS, c -> c.withSnapshots(40, 10), oracle);
        oracle.cluster = cluster;
        cluster.startAll();
        return cluster;
    }

    private static void assertSameState(TestCluster cluster, String when) {
        Member leader = cluster.awaitLeader(5 * S);
        for (Member m : cluster.members) {
            assertEquals(leader.kv().revision(), m.kv().revision(), when + ": n" + m.id() + "'s revision");
            assertEquals(leader.kv().digest(), m.kv().digest(), when + ": n" + m.id() + "'s history, leases and all");
        }
    }

    /** A cluster with its oracle, once it has a leader, one follower and a client of the leader. */
    private record Running(Oracle oracle, TestCluster cluster, Member leader, int follower, KvClient client) {
    }

    private static Running running() {
        Oracle oracle = new Oracle();
        TestCluster cluster = cluster(oracle);
        Member leader = cluster.awaitLeader(5 * S);
        return new Running(oracle, cluster, leader, leader.id() % 3 + 1,
                cluster.client(1001, ClientConfig.defaults(List.of(leader.id()))));
    }

    /** A compaction with no write after it: every member's newest snapshot is a view taken before it. */
    private static void compactAfterTheLastSnapshot(TestCluster cluster, Member leader) {
        long revision = leader.kv().revision();
        leader.compactNow();
        cluster.sim.runFor(500 * MS);
        for (Member m : cluster.members) {
            assertEquals(revision, m.kv().compactRevision(), "n" + m.id() + " compacted");
        }
    }

    @Test
    void aSnapshotFileHoldsTheMembershipNotTheKeySpace() {
        TestCluster cluster = cluster(new Oracle());
        Member leader = cluster.awaitLeader(5 * S);
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(leader.id())));
        assertTrue(write(cluster, client, 120, leader.id()) > 500);
        int encoded = KvCodec.encodeSnapshot(leader.kv()).length;
        assertTrue(encoded > 100_000, "the key space encodes to hundreds of KB: " + encoded);
        for (SimFileSystem fs : cluster.dataFileSystems) {
            List<String> snaps = fs.list("member/snap/").stream().filter(p -> p.endsWith(".snap")).toList();
            assertTrue(snaps.size() >= 3, "snapshots were taken: " + snaps);
            for (String path : snaps) {
                long bytes = fs.openExisting(path).orElseThrow().sizeBytes();
                assertTrue(bytes > 8_000 && bytes < 10_000, path + " holds etcd's v2 membership store: " + bytes + " B");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CrashMode.class)
    void aMemberRestartedFromItsSnapshotHasTheClustersState(CrashMode mode) {
        Running r = running();
        write(r.cluster(), r.client(), 60, r.leader().id());
        compactAfterTheLastSnapshot(r.cluster(), r.leader());
        r.cluster().crash(r.follower(), mode);
        r.oracle().start(r.follower());
        write(r.cluster(), r.client(), 30, r.leader().id());
        assertSameState(r.cluster(), mode + " crash of a follower");
        compactAfterTheLastSnapshot(r.cluster(), r.cluster().awaitLeader(S));
        for (Member m : r.cluster().members) {
            r.cluster().crash(m.id(), mode);
        }
        r.cluster().members.forEach(m -> r.oracle().start(m.id()));
        r.cluster().sim.runFor(3 * S);
        assertSameState(r.cluster(), mode + " power loss of the whole cluster");
        assertEquals(4, r.oracle().checked, "every boot restored a snapshot");
    }

    @Test
    void aLaggingMemberInstallsTheLeadersSnapshotAndRestartsFromIt() {
        Running r = running();
        write(r.cluster(), r.client(), 10, r.leader().id());
        r.cluster().member(r.follower()).crash("down while the others compact their logs");
        write(r.cluster(), r.client(), 80, r.leader().id());
        r.oracle().start(r.follower());
        r.cluster().sim.runFor(5 * S);
        assertTrue(r.oracle().checked >= 1, "the install was checked as it happened");
        assertTrue(r.cluster().logs.get(r.follower() - 1).stream().anyMatch(l -> l.contains("received and saved database snapshot")),
                "the follower was sent the leader's snapshot");
        assertSameState(r.cluster(), "after the install");
        r.cluster().crash(r.follower(), CrashMode.DROP_UNSYNCED);
        int before = r.oracle().checked;
        r.oracle().start(r.follower());
        assertEquals(before + 1, r.oracle().checked, "boots from the installed snapshot");
        write(r.cluster(), r.client(), 10, r.leader().id());
        assertSameState(r.cluster(), "after a restart from the installed snapshot");
    }
}
