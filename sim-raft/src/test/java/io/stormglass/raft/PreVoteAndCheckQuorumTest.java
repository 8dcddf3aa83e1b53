package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.message.MsgPreVote;
import io.stormglass.raft.message.MsgPreVoteResp;
import io.stormglass.raft.message.MsgVote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thesis §9.6 PreVote, §6.2 CheckQuorum, §4.2.3 ignoring disruptive votes. */
class PreVoteAndCheckQuorumTest {
    private static RaftCluster cluster(boolean preVote, boolean checkQuorum) {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(preVote, checkQuorum), 21);
        c.addChecker(new SafetyChecker());
        return c;
    }

    // Thesis §9.6: a partitioned member's PreVotes fail, so its term does not grow and it cannot
    // depose the leader when it returns.
    @Test
    void partitionedMemberDoesNotInflateTerm() {
        RaftCluster c = cluster(true, true);
        c.elect(1);
        c.partition(List.of(List.of(1L, 2L), List.of(3L)));
        c.elapse(100);
        assertEquals(1, c.node(3).core().term());
        assertEquals(StateRole.PRE_CANDIDATE, c.node(3).core().state());
        c.heal();
        c.elapse(3);
        assertEquals(List.of(1L), c.leaders());
        assertEquals(1, c.node(1).core().term());
        assertEquals(1, c.node(3).core().lead());
    }

    // Thesis §9.6: without PreVote the same partition inflates the term and disrupts the leader.
    @Test
    void withoutPreVoteTheTermInflates() {
        RaftCluster c = cluster(false, false);
        c.elect(1);
        c.partition(List.of(List.of(1L, 2L), List.of(3L)));
        c.elapse(100);
        assertTrue(c.node(3).core().term() > 3, "term " + c.node(3).core().term());
    }

    // Thesis §9.6: a PreVote is granted for a future term without changing the voter's term or vote.
    @Test
    void preVoteGrantChangesNothing() {
        RaftCluster c = cluster(true, false);
        RawNode voter = c.node(2);
        voter.step(new MsgPreVote(3, 2, 1, 0, 0, false));
        Ready rd = voter.ready();
        assertEquals(List.of(new MsgPreVoteResp(2, 3, 1, false)), rd.messagesAfterPersist());
        assertEquals(0, voter.core().term());
        assertEquals(null, rd.hardState());
    }

    // Thesis §6.2: a leader that cannot reach a quorum steps down within two election timeouts.
    @Test
    void isolatedLeaderStepsDown() {
        RaftCluster c = cluster(true, true);
        c.elect(1);
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        // The first check after the partition still sees the activity before it; the second fails.
        c.tick(1, 2 * 10 - 1);
        assertEquals(StateRole.LEADER, c.node(1).core().state());
        c.tick(1, 1);
        assertEquals(StateRole.FOLLOWER, c.node(1).core().state());
    }

    // Thesis §6.2: a leader in contact with a quorum keeps its role indefinitely.
    @Test
    void connectedLeaderStays() {
        RaftCluster c = cluster(true, true);
        c.elect(1);
        c.crash(3);
        c.elapse(100);
        assertEquals(List.of(1L), c.leaders());
        assertEquals(1, c.node(1).core().term());
    }

    // Thesis §4.2.3: with CheckQuorum, a follower that heard from its leader within the election
    // timeout ignores a vote request (even of a higher term) unless it is a leadership transfer.
    @Test
    void followerInLeaseIgnoresVotes() {
        RaftCluster c = cluster(false, true);
        c.elect(1);
        RawNode f = c.node(2);
        f.step(new MsgVote(3, 2, 5, 1, 1, false));
        assertEquals(1, f.core().term(), "vote ignored, term unchanged");
        f.step(new MsgVote(3, 2, 5, 1, 1, true));
        assertEquals(5, f.core().term(), "transfer votes override the lease");
    }
}
