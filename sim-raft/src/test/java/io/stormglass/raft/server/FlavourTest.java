package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.raft.StateRole;
import io.stormglass.raft.client.ClientConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the flavour changes in a member's server: whether a member blocked in an fdatasync keeps
 * its election timer running. etcd's ticker belongs to the raft loop, so the blocked member's Raft
 * clock stops (Go's ticker drops the ticks); LogCabin's election deadline is kept by a thread of
 * its own, so the member times out on time.
 */
class FlavourTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** The role of a follower whose WAL stalls for 5 s while it is cut off from the others, 2 s into the stall. */
    private static StateRole followerRoleDuringStall(Flavour flavour) {
        TestCluster c = new TestCluster(3, 7, CpuCosts.defaults(), MS,
                m -> m.withTiming(MS, 50 * MS, 150 * MS, 300 * MS).withFlavour(flavour));
        c.startAll();
        Member leader = c.awaitLeader(5 * S);
        int follower = leader.id() == 3 ? 2 : 3;
        c.sim.runFor(S);
        long at = c.sim.nowNanos();
        c.devices.get(follower - 1).stall(at, 5 * S);
        // a write reaches the follower, whose raft loop then blocks in the fsync of the entry
        c.client(1001, ClientConfig.defaults(List.of(leader.id()))).put("k", "v", r -> { });
        c.sim.runFor(20 * MS);
        c.network.cut(List.of(follower));
        c.sim.runFor(2 * S);
        return c.member(follower).softState().role();
    }

    @Test
    void aStalledFollowerTimesOutInPlainRaftButNotInEtcd() {
        assertEquals(StateRole.FOLLOWER, followerRoleDuringStall(Flavour.ETCD), "etcd: no tick while the raft loop is blocked");
        // etcd's defaults keep PreVote on: the campaign starts with a pre-vote round
        assertEquals(StateRole.PRE_CANDIDATE, followerRoleDuringStall(Flavour.PLAIN_RAFT),
                "plain Raft: the deadline passes and it campaigns");
    }
}
