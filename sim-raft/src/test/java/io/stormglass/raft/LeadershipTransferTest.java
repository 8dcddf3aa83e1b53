package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.message.MsgTimeoutNow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thesis §3.10 leadership transfer. */
class LeadershipTransferTest {
    private static RaftCluster cluster() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 41);
        c.addChecker(new SafetyChecker());
        c.elect(1);
        return c;
    }

    // Thesis §3.10: the transferee gets TimeoutNow, campaigns at once and wins the next term.
    @Test
    void transferToUpToDateFollower() {
        RaftCluster c = cluster();
        c.transfer(1, 2);
        c.processReady(1);
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgTimeoutNow t && t.to() == 2));
        c.stabilize();
        assertEquals(List.of(2L), c.leaders());
        assertEquals(2, c.node(2).core().term());
    }

    // Thesis §3.10: the leader first brings a lagging transferee up to date and refuses proposals meanwhile.
    @Test
    void transferToLaggingFollowerCatchesItUpFirst() {
        RaftCluster c = cluster();
        c.crash(3);
        c.commit(1, "a");
        c.restart(3);
        c.transfer(1, 3);
        assertNotNull(c.propose(1, "b"), "proposals are refused during a transfer");
        c.elapse(3);
        assertEquals(List.of(3L), c.leaders());
        assertTrue(c.node(3).core().log().matchTerm(2, 1), "3 holds the entry it lagged behind on");
    }

    // Thesis §3.10: a transfer that does not finish within an election timeout is abandoned.
    @Test
    void stalledTransferIsAbandoned() {
        RaftCluster c = cluster();
        c.crash(3);
        c.transfer(1, 3);
        assertEquals(3, c.node(1).core().leadTransferee());
        c.elapse(10);
        assertEquals(0, c.node(1).core().leadTransferee());
        assertEquals(List.of(1L), c.leaders());
        assertEquals(null, c.propose(1, "after"));
    }

    // A follower forwards the transfer request to the leader.
    @Test
    void followerForwardsTransferRequest() {
        RaftCluster c = cluster();
        c.transfer(2, 2);
        c.stabilize();
        assertEquals(List.of(2L), c.leaders());
    }
}
