package io.stormglass.raft;

import io.stormglass.raft.log.ByteString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.MsgHeartbeat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thesis §6.4 read-only queries: ReadIndex (ReadOnlySafe) and lease-based reads. */
class ReadIndexTest {
    private static RaftCluster cluster(ReadOnlyOption option) {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true).withReadOnlyOption(option), 31);
        c.addChecker(new SafetyChecker());
        return c;
    }

    // Thesis §6.4: the read index is the commit index, released after a quorum confirms leadership.
    @Test
    void safeReadNeedsHeartbeatQuorum() {
        RaftCluster c = cluster(ReadOnlyOption.SAFE);
        c.elect(1);
        c.commit(1, "v");
        c.readIndex(1, "q");
        c.processReady(1);
        assertTrue(c.get(1).readStates().isEmpty(), "not before the heartbeat round");
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgHeartbeat h && h.context().equals(ByteString.utf8("q"))));
        c.stabilize();
        assertEquals(1, c.get(1).readStates().size());
        assertEquals(2, c.get(1).readStates().get(0).index());
    }

    // Thesis §6.4: a leader cut off from the quorum never answers (no stale read).
    @Test
    void partitionedLeaderDoesNotAnswer() {
        RaftCluster c = cluster(ReadOnlyOption.SAFE);
        c.elect(1);
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        c.readIndex(1, "q");
        c.elapse(40);
        assertTrue(c.get(1).readStates().isEmpty());
        c.heal();
        c.elapse(5);
        assertTrue(c.get(1).readStates().isEmpty(), "the pending read died with the old leadership");
    }

    // Thesis §6.4: a follower forwards the request and serves it at the leader's commit index.
    @Test
    void followerReadIsForwarded() {
        RaftCluster c = cluster(ReadOnlyOption.SAFE);
        c.elect(1);
        c.commit(1, "v");
        c.readIndex(3, "f");
        c.stabilize();
        assertEquals(List.of(new ReadState(2, ByteString.utf8("f"))), c.get(3).readStates());
    }

    // Thesis §6.4.1: once a quorum acknowledged a heartbeat round, lease-based reads are answered at once.
    @Test
    void leaseReadAnswersImmediatelyOnceAQuorumAcknowledgedARound() {
        RaftCluster c = cluster(ReadOnlyOption.LEASE_BASED);
        c.elect(1);
        c.readIndex(1, "first");
        c.stabilize();
        c.readIndex(1, "l");
        c.processReady(1);
        assertEquals(List.of(new ReadState(1, ByteString.utf8("first")), new ReadState(1, ByteString.utf8("l"))),
                c.get(1).readStates());
        assertTrue(c.inflight().stream().noneMatch(m -> m instanceof MsgHeartbeat h && h.context().equals(ByteString.utf8("l"))),
                "no heartbeat round for a read inside the lease");
    }

    // A fresh leader holds no lease yet: the read falls back to a ReadIndex round instead of being refused.
    @Test
    void leaseReadOfAFreshLeaderFallsBackToReadIndex() {
        RaftCluster c = cluster(ReadOnlyOption.LEASE_BASED);
        c.elect(1);
        c.readIndex(1, "l");
        c.processReady(1);
        assertTrue(c.get(1).readStates().isEmpty(), "not before a quorum acknowledged a round");
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgHeartbeat h && h.context().equals(ByteString.utf8("l"))));
        c.stabilize();
        assertEquals(List.of(new ReadState(1, ByteString.utf8("l"))), c.get(1).readStates());
    }

    // §8 / thesis §6.4: a fresh leader answers reads only after committing an entry of its term.
    @Test
    void newLeaderWaitsForOwnTermCommit() {
        RaftCluster c = cluster(ReadOnlyOption.SAFE);
        c.campaign(1);
        while (c.node(1).core().state() != StateRole.LEADER) {
            c.processReadyAll();
            c.deliverAll(0);
        }
        c.readIndex(1, "early");
        c.processReady(1);
        c.deliverAll(0);
        assertTrue(c.get(1).readStates().isEmpty());
        c.stabilize();
        assertEquals(1, c.get(1).readStates().size());
        assertEquals(1, c.get(1).readStates().get(0).index());
    }

    // Thesis §6.4 step 1 holds for a single voter too. Rebooted with a commit index that never reached its
    // disk (etcd syncs no Ready that only moves it), a single voter that answered at once would hand out a
    // read index below entries it had committed and acknowledged before the crash (etcd-io/raft#105;
    // the membership campaign's seed 343).
    @Test
    void aSingleVoterRebootedWithAStaleCommitAnswersOnlyOnceItsTermCommitted() {
        RaftCluster c = new RaftCluster(1, RaftCluster.testConfig(true, true), 5);
        c.addChecker(new SafetyChecker());
        c.elect(1);
        c.commit(1, "a");
        c.commit(1, "b");
        long committedBeforeCrash = c.get(1).storage().lastIndex();
        HardState hs = c.get(1).storage().initialState().hardState();
        assertEquals(committedBeforeCrash, hs.commit());
        c.crash(1);
        c.get(1).storage().setHardState(new HardState(hs.term(), hs.vote(), 1));
        c.restart(1);
        c.campaign(1);
        while (c.node(1).core().state() != StateRole.LEADER) {
            c.processReadyAll();
            c.deliverAll(0);
        }
        c.readIndex(1, "q");
        assertTrue(c.get(1).readStates().isEmpty(), "not before the new term's entry commits what came before");
        c.stabilize();
        assertEquals(1, c.get(1).readStates().size());
        assertTrue(c.get(1).readStates().get(0).index() > committedBeforeCrash, c.get(1).readStates().toString());
    }
}
