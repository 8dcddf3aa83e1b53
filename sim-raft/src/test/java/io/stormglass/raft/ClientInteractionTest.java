package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.message.MsgProp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client interaction (thesis §6): proposals, forwarding to the leader, and dropped proposals. */
class ClientInteractionTest {
    // Thesis §6.2: a member that knows no leader cannot accept a request.
    @Test
    void proposalWithoutLeaderIsDropped() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 61);
        ProposalDroppedException e = assertThrows(ProposalDroppedException.class, () -> c.node(2).propose(new byte[] {1}));
        assertEquals(ProposalDroppedException.Reason.NO_LEADER, e.reason());
    }

    // Thesis §6.2: followers redirect requests to the leader (etcd forwards the proposal).
    @Test
    void followerForwardsProposal() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 62);
        c.elect(1);
        c.node(2).propose(new byte[] {7});
        Ready rd = c.node(2).ready();
        assertEquals(1, rd.messages().size());
        MsgProp p = (MsgProp) rd.messages().get(0);
        assertEquals(1, p.to());
        assertEquals(0, p.term(), "forwarded proposals are not bound to a term");
        c.node(2).advance(rd);
    }

    @Test
    void forwardingCanBeDisabled() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true).withDisableProposalForwarding(true), 63);
        c.elect(1);
        ProposalDroppedException e = assertThrows(ProposalDroppedException.class, () -> c.node(2).propose(new byte[] {1}));
        assertEquals(ProposalDroppedException.Reason.FORWARDING_DISABLED, e.reason());
    }

    // etcd's MaxUncommittedEntriesSize: a leader refuses proposals beyond its uncommitted budget.
    @Test
    void uncommittedBudgetLimitsProposals() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true).withMaxUncommittedEntriesSize(10), 64);
        c.elect(1);
        c.crash(2);
        c.crash(3);
        c.node(1).propose(new byte[6]);
        ProposalDroppedException e = assertThrows(ProposalDroppedException.class, () -> c.node(1).propose(new byte[6]));
        assertEquals(ProposalDroppedException.Reason.UNCOMMITTED_SIZE_LIMIT, e.reason());
        c.restart(2);
        c.elapse(2);
        c.node(1).propose(new byte[6]);
        assertEquals(List.of(1L), c.leaders());
    }
}
