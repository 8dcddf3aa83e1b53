package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgVote;
import io.stormglass.raft.message.MsgVoteResp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5.4 safety: the election restriction and committing entries from previous terms. */
class SafetyTest {
    // §5.4.1: a voter denies its vote to a candidate whose log is less up-to-date than its own.
    @Test
    void voterRejectsLessUpToDateCandidate() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(false, false), 3);
        c.elect(1);
        c.commit(1, "a");
        RawNode voter = c.node(2);
        voter.step(new MsgVote(3, 2, 5, 1, 1, false)); // last entry 1/1 < voter's 1/2
        voter.step(new MsgVote(3, 2, 6, 1, 2, false)); // equal: granted
        Ready rd = voter.ready();
        assertEquals(List.of(new MsgVoteResp(2, 3, 5, true), new MsgVoteResp(2, 3, 6, false)), rd.messagesAfterPersist());
    }

    // §5.4.2 (Figure 8): a leader does not commit an entry of an earlier term by counting replicas,
    // only by committing an entry of its own term after it. (Acknowledgements are stepped directly.)
    @Test
    void previousTermEntryCommitsOnlyWithCurrentTermEntry() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(false, false), 3);
        c.addChecker(new SafetyChecker());
        c.elect(1);
        c.propose(1, "old");
        c.processReady(1); // persisted on 1 only (all appends dropped below)
        c.drop(1, 2);
        c.drop(1, 3);
        // 1 learns of term 2 (from 3's answer), then wins term 3 with 2's vote; its no-op 3/3 follows old 1/2.
        c.node(1).step(MsgAppResp.accept(3, 1, 2, 0));
        c.campaign(1);
        c.processReady(1);
        c.drop(1, 3);
        c.deliverAll(2);
        c.processReady(2);
        c.deliverAll(1);
        c.processReady(1);
        assertEquals(StateRole.LEADER, c.node(1).core().state());
        assertEquals(3, c.node(1).core().term());
        // 2 acknowledges only index 2 (the old-term entry): a majority holds 1/2, but it must not commit.
        c.node(1).step(MsgAppResp.accept(2, 1, 3, 2));
        assertEquals(1, c.node(1).core().log().committed(), "entry of term 1 not committed by counting");
        // Once the term-2 entry is on a majority, both commit.
        c.node(1).step(MsgAppResp.accept(2, 1, 3, 3));
        assertEquals(3, c.node(1).core().log().committed());
        List<Entry> log = c.node(1).core().log().allEntries();
        assertEquals(1, log.get(1).term());
        assertEquals(3, log.get(2).term());
    }

    // §5.4.3 leader completeness, observed: a new leader holds every committed entry.
    @Test
    void newLeaderHoldsAllCommittedEntries() {
        RaftCluster c = new RaftCluster(5, RaftCluster.testConfig(false, false), 5);
        SafetyChecker checker = new SafetyChecker();
        c.addChecker(checker);
        c.elect(1);
        c.commit(1, "a");
        c.crash(1);
        c.crash(2);
        // 3, 4 or 5 can win; each holds 1/2.
        assertEquals(3, c.elect(3));
        assertTrue(c.node(3).core().log().matchTerm(2, 1));
        assertFalse(checker.committed().isEmpty());
    }
}
