package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberFailuresTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void aFailedWalSyncIsFatalForTheMember() {
        TestCluster c = new TestCluster(3, 5, CpuCosts.free(), MS);
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        c.devices.get(leader.id() - 1).flushStatus = IoStatus.EIO;
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(leader.id())));
        client.put("k", "v", r -> { });
        c.sim.runFor(100 * MS);
        assertFalse(leader.isUp(), "etcd panics on a failed fdatasync");
        assertTrue(leader.downReason().startsWith("fatal: failed to save Raft hard state and entries"), leader.downReason());
        assertEquals(1, c.recorder.timeline().eventsOf(TimelineEvent.NodeCrashed.class).size());
        c.sim.runFor(5 * S);
        assertTrue(c.members.stream().anyMatch(Member::isLeader), "the others elect a new leader");
    }

    @Test
    void aSlowBackendCommitDelaysAppliesAndEtcdWarns() {
        TestCluster c = new TestCluster(3, 5, CpuCosts.defaults(), MS);
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(leader.id())));
        List<ClientResult> results = new ArrayList<>();
        client.put("a", "1", results::add);
        c.sim.runFor(500 * MS);
        // the data disks stop answering flushes for a second: the backend's batch commit holds its lock meanwhile
        c.dataDevices.forEach(d -> d.stall(c.sim.nowNanos(), 1 * S));
        for (int i = 0; i < 20; i++) {
            client.put("b" + i, "x", results::add);
            c.sim.runFor(20 * MS);
        }
        c.sim.runFor(3 * S);
        assertEquals(21, results.size());
        assertTrue(results.stream().allMatch(ClientResult::ok));
        assertTrue(c.warnings(leader.id(), "apply request took too long") >= 1, "an apply waited for the batch commit");
    }

    @Test
    void onlyTheLeaderExpiresALeaseAndItsKeysGoWithIt() {
        TestCluster c = new TestCluster(3, 9, CpuCosts.free(), MS);
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(leader.id())));
        List<ClientResult> results = new ArrayList<>();
        client.leaseGrant(42, 2 * S, r -> {
            results.add(r);
            client.putWithLease("election/leader", "me", 42, results::add);
        });
        c.sim.runFor(1 * S);
        assertTrue(results.stream().allMatch(ClientResult::ok) && results.size() == 2);
        for (Member m : c.members) {
            assertEquals("me", m.kv().get("election/leader").value());
        }
        c.sim.runFor(4 * S); // no keepalive: the leader revokes after the TTL (+ its 500 ms check)
        for (Member m : c.members) {
            assertNull(m.kv().get("election/leader"), "member " + m.id() + " applied the leader's revocation");
            assertFalse(m.kv().leases().containsKey(42L));
        }
    }

    @Test
    void keepalivesKeepALeaseAlive() {
        TestCluster c = new TestCluster(3, 9, CpuCosts.free(), MS);
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        int follower = leader.id() % 3 + 1;
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(follower)));
        List<ClientResult> results = new ArrayList<>();
        client.leaseGrant(7, 2 * S, r -> client.putWithLease("lock", "held", 7, results::add));
        for (int i = 0; i < 8; i++) {
            c.sim.runFor(1 * S);
            client.leaseKeepAlive(7, results::add); // sent to a follower, which forwards it to the leader
        }
        c.sim.runFor(500 * MS);
        assertTrue(results.stream().allMatch(ClientResult::ok), results.toString());
        assertEquals("held", leader.kv().get("lock").value(), "8 s later the 2 s lease is still alive");
    }
}
