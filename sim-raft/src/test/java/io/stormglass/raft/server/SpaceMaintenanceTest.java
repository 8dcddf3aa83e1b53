package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.KvResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database's space at member level: quota and NOSPACE, compaction, defragmentation, auto-compaction. */
class SpaceMaintenanceTest {
    private static final long S = 1_000_000_000L;
    private static final long MIB = 1 << 20;

    private static ClientResult call(TestCluster cluster, java.util.function.Consumer<java.util.function.Consumer<ClientResult>> op) {
        List<ClientResult> out = new ArrayList<>();
        op.accept(out::add);
        long end = cluster.sim.nowNanos() + 60 * S;
        while (out.isEmpty() && cluster.sim.nowNanos() < end) {
            cluster.sim.runFor(10_000_000L);
        }
        assertFalse(out.isEmpty(), "the call completed");
        return out.get(0);
    }

    private static TestCluster cluster(MvccOptions mvcc) {
        TestCluster cluster = new TestCluster(3, 5, CpuCosts.defaults(), 0, c -> c.withMvcc(mvcc));
        cluster.startAll();
        cluster.awaitLeader(5 * S);
        return cluster;
    }

    @Test
    void pastTheQuotaWritesFailUntilCompactionDefragAndDisarm() {
        MvccOptions mvcc = new MvccOptions(MvccOptions.AutoCompactionMode.PERIODIC, 0, MIB, 0, 0, 1024);
        TestCluster cluster = cluster(mvcc);
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        String value = "x".repeat(4096);
        ClientResult r = null;
        int written = 0;
        for (; written < 1000; written++) {
            int i = written;
            r = call(cluster, done -> client.put("k" + (i % 10), value, done));
            if (!r.ok()) {
                break;
            }
        }
        assertEquals(EtcdErrors.NO_SPACE, r.error(), "past the quota a put fails with etcd's text");
        assertTrue(written > 150 && written < 260, "about 1 MiB of 4 KiB values fit, wrote " + written);
        cluster.sim.runFor(S);
        for (Member m : cluster.members) {
            assertFalse(m.kv().noSpaceAlarms().isEmpty(), "the alarm is replicated to member " + m.id());
        }
        long rev = cluster.member(1).kv().revision();
        assertTrue(call(cluster, done -> client.compact(rev, done)).ok());
        long total = cluster.member(1).dbTotalBytes();
        assertTrue(cluster.member(1).dbInUseBytes() < total / 10, "compaction frees pages");
        assertEquals(EtcdErrors.NO_SPACE, call(cluster, done -> client.put("k", "v", done)).error(),
                "compaction alone does not shrink the file, and the alarm stands");
        cluster.members.forEach(Member::defragment);
        cluster.sim.runFor(5 * S);
        assertTrue(cluster.member(1).dbTotalBytes() < total / 10, "defragmentation shrinks the file");
        assertEquals(EtcdErrors.NO_SPACE, call(cluster, done -> client.put("k", "v", done)).error(), "the alarm still stands");
        assertTrue(call(cluster, client::alarmDisarm).ok());
        assertTrue(call(cluster, done -> client.put("k", "v", done)).ok(), "after disarm, writes go through");
    }

    @Test
    void aRangeAtACompactedRevisionFailsWithEtcdsText() {
        TestCluster cluster = cluster(MvccOptions.defaults());
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        for (int i = 0; i < 5; i++) {
            int v = i;
            assertTrue(call(cluster, done -> client.put("a", "v" + v, done)).ok());
        }
        long rev = cluster.member(1).kv().revision();
        KvResult.RangeResult old = (KvResult.RangeResult) call(cluster, d -> client.range("a", "", rev - 2, 0, true, d)).result();
        assertEquals("v2", old.kvs().get(0).value(), "a range at a revision returns that revision's value");
        assertTrue(call(cluster, d -> client.compact(rev - 1, d)).ok());
        assertEquals(EtcdErrors.COMPACTED, call(cluster, d -> client.range("a", "", rev - 2, 0, true, d)).error());
        assertEquals(EtcdErrors.COMPACTED, call(cluster, d -> client.compact(rev - 1, d)).error());
    }

    @Test
    void aDefragmentationHoldsAppliesUntilItHasRewrittenTheFile() {
        // 200 MiB preloaded in 1 KiB records: 20 commits of 10 000 records, each synced on the data disk
        MvccOptions mvcc = new MvccOptions(MvccOptions.AutoCompactionMode.PERIODIC, 0, 0, 200 * MIB, 100 * MIB, 1024);
        TestCluster cluster = cluster(mvcc);
        Member leader = cluster.awaitLeader(S);
        // the member that receives a write answers it once it applied it: the client talks to the leader
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(leader.id())));
        assertTrue(call(cluster, done -> client.put("a", "1", done)).ok());
        long before = leader.dbTotalBytes();
        for (StallableDevice d : cluster.dataDevices) {
            d.stall(cluster.sim.nowNanos(), 2 * S); // a slow data disk makes the rewrite slow
        }
        assertTrue(leader.defragment());
        assertFalse(leader.defragment(), "one defragmentation at a time");
        ClientResult put = call(cluster, done -> client.put("a", "2", done));
        assertTrue(put.ok());
        assertTrue(put.latencyNanos() > 2 * S / 2, "the put waited for the leader's defragmentation: " + put.latencyNanos());
        cluster.sim.runFor(S);
        assertTrue(leader.dbTotalBytes() < before * 7 / 10, "the file shrank to its in-use pages: " + before + " → " + leader.dbTotalBytes());
        assertEquals(1, cluster.recorder.latency(io.stormglass.engine.metrics.Metric.DEFRAG_DURATION.id("n" + leader.id())).count());
    }

    /** The leader's defragmentation time in a cluster with 64 MiB in use whose members cache {@code cacheBytes} of it. */
    private static long defragNanos(long cacheBytes) {
        MvccOptions mvcc = new MvccOptions(MvccOptions.AutoCompactionMode.PERIODIC, 0, 0, 64 * MIB, 0, 1024, cacheBytes);
        TestCluster cluster = cluster(mvcc);
        Member leader = cluster.awaitLeader(S);
        assertTrue(leader.defragment());
        cluster.sim.runFor(5 * S);
        io.stormglass.engine.metrics.LatencyRecorder took =
                cluster.recorder.latency(io.stormglass.engine.metrics.Metric.DEFRAG_DURATION.id("n" + leader.id()));
        assertEquals(1, took.count());
        return took.maxNanos();
    }

    @Test
    void aDefragmentationReadsFromTheDiskThePagesItsCacheCannotHold() {
        long cached = defragNanos(0);
        long short16 = defragNanos(16 * MIB);
        // 48 MiB of in-use pages missed: 12 288 random page reads; the new 64 MiB file does not fit either, so
        // MAP_POPULATE reads it in 512 windows of 128 KiB; each read takes the test device's 20 µs
        long expected = (12_288 + 512) * 20_000L;
        long extra = short16 - cached;
        assertTrue(Math.abs(extra - expected) < expected / 20, "one device read per missed page and window: " + extra
                + " ns more than cached, expected about " + expected);
        long room64 = defragNanos(64 * MIB + MIB) - cached;
        assertTrue(Math.abs(room64 - 504 * 20_000L) < 20 * 20_000L, "room for the old in-use pages and one MiB of the new"
                + " file's: none missed, the populate reads the 63 MiB the copy lost, in 504 windows: " + room64);
        assertEquals(cached, defragNanos(2 * 64 * MIB + MIB), "a cache that holds both files reads nothing");
    }

    @Test
    void revisionAutoCompactionKeepsTheLastRevisionsOnEveryMember() {
        MvccOptions mvcc = new MvccOptions(MvccOptions.AutoCompactionMode.REVISION, 100, 0, 0, 0, 1024);
        TestCluster cluster = cluster(mvcc);
        KvClient client = cluster.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        for (int i = 0; i < 300; i++) {
            int v = i;
            assertTrue(call(cluster, done -> client.put("k" + (v % 7), "v" + v, done)).ok());
        }
        cluster.sim.runFor(6 * 60 * S);
        for (Member m : cluster.members) {
            assertEquals(m.kv().revision() - 100, m.kv().compactRevision(), "member " + m.id());
        }
    }
}
