package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.EndpointSync;
import io.stormglass.raft.client.KvClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What clients and the operator see of membership: MemberList, clientv3's endpoint auto-sync, longestConnected. */
class ClientMembershipTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private static void change(TestCluster c, Member leader, MemberOperation op, int id) {
        MemberChangeResult r = MembershipTest.change(c, leader, op, id);
        assertTrue(r.ok(), op + " n" + id + ": " + r);
    }

    @Test
    void autoSyncFollowsTheVotersLeavesLearnersOutAndDropsRemovedMembers() {
        TestCluster c = new TestCluster(3, 1, 21, CpuCosts.free(), MS, cfg -> cfg.withSnapshots(20, 5));
        c.startAll();
        Member leader = MembershipTest.settledLeader(c);
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        EndpointSync sync = EndpointSync.start(c.sim, client, S, 60 * S);
        assertNotNull(sync);
        change(c, leader, MemberOperation.ADD_LEARNER, 4);
        c.member(4).start();
        c.sim.runFor(2 * S);
        assertEquals(List.of(1, 2, 3), client.endpoints(), "a learner is no endpoint");
        change(c, leader, MemberOperation.PROMOTE, 4);
        int other = leader.id() == 1 ? 2 : 1;
        change(c, leader, MemberOperation.REMOVE, other);
        c.sim.runFor(2 * S);
        List<Integer> expected = new ArrayList<>(List.of(1, 2, 3, 4));
        expected.remove(Integer.valueOf(other));
        assertEquals(expected, client.endpoints());
        assertTrue(sync.syncs() >= 3, "one sync a second: " + sync.syncs());
        List<io.stormglass.raft.client.ClientResult> put = new ArrayList<>();
        client.put("k", "v", put::add);
        c.sim.runFor(1 * S);
        assertTrue(put.get(0).ok(), put.toString());
    }

    @Test
    void withoutAnIntervalTheClientKeepsItsEndpoints() {
        TestCluster c = new TestCluster(3, 1, 22, CpuCosts.free(), MS, cfg -> cfg);
        KvClient client = c.client(1001, ClientConfig.defaults(List.of(1, 2, 3)));
        assertEquals(null, EndpointSync.start(c.sim, client, 0, 60 * S));
        assertEquals(List.of(1, 2, 3), client.endpoints());
    }

    @Test
    void theLongestConnectedVoterIsTheOneThatWasNotRestarted() {
        TestCluster c = new TestCluster(3, 23, CpuCosts.free(), MS);
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        List<Integer> followers = new ArrayList<>(List.of(1, 2, 3));
        followers.remove(Integer.valueOf(leader.id()));
        int restarted = followers.get(0);
        c.member(restarted).crash("restart");
        c.sim.runFor(300 * MS);
        c.member(restarted).start();
        c.sim.runFor(2 * S);
        assertTrue(leader.isLeader());
        assertEquals(followers.get(1), leader.longestConnectedVoter(), "the restarted follower's connection is new");
        c.member(followers.get(1)).crash("gone");
        c.sim.runFor(6 * S);
        assertEquals(restarted, leader.longestConnectedVoter(), "a peer silent for 5 s while its leader sends heartbeats is not connected");
    }

    // etcd's mayAddMember / mayRemoveMember (--strict-reconfig-check): the leader's peers must have been connected 5 s
    @Test
    void reconfigurationWaitsForPeersConnectedForEtcdsHealthInterval() {
        TestCluster c = new TestCluster(3, 1, 24, CpuCosts.free(), MS, cfg -> cfg);
        c.startAll();
        Member leader = c.awaitLeader(3 * S);
        assertEquals(EtcdErrors.UNHEALTHY, MembershipTest.change(c, leader, MemberOperation.ADD_LEARNER, 4).error(),
                "no peer has been connected for 5 s yet");
        c.sim.runFor(8 * S);
        List<Integer> followers = new ArrayList<>(List.of(1, 2, 3));
        followers.remove(Integer.valueOf(leader.id()));
        c.member(followers.get(0)).crash("restart");
        c.member(followers.get(0)).start();
        c.sim.runFor(500 * MS);
        assertEquals(EtcdErrors.UNHEALTHY, MembershipTest.change(c, leader, MemberOperation.REMOVE, followers.get(1)).error(),
                "without the other follower, only the one that just reconnected is left");
        assertTrue(c.logs.get(leader.id() - 1).stream().anyMatch(l -> l.contains("rejecting member remove request")));
        c.sim.runFor(6 * S);
        change(c, leader, MemberOperation.REMOVE, followers.get(1));
    }
}
