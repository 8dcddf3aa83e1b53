package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.tracker.ProgressState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5.3 log replication, with etcd's flow control. */
class LogReplicationTest {
    private static RaftCluster cluster(int n, RaftConfig cfg) {
        RaftCluster c = new RaftCluster(n, cfg, 11);
        c.addChecker(new SafetyChecker());
        return c;
    }

    private static RaftCluster cluster(int n) {
        return cluster(n, RaftCluster.testConfig(false, false));
    }

    // §5.3: the leader appends, replicates, commits once a majority stored the entry, and followers apply.
    @Test
    void proposalCommitsOnAllMembers() {
        RaftCluster c = cluster(3);
        c.elect(1);
        c.commit(1, "a");
        c.commit(1, "b");
        for (long id : c.ids()) {
            assertEquals(3, c.node(id).core().log().committed());
            assertEquals("b", new String(c.get(id).applied().get(3).data(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // §5.3: an entry stored on a majority commits even if a minority never answers.
    @Test
    void commitsWithMinorityDown() {
        RaftCluster c = cluster(5);
        c.elect(1);
        c.crash(4);
        c.crash(5);
        c.commit(1, "x");
        assertEquals(2, c.node(1).core().log().committed());
    }

    // §5.3 consistency check: a follower rejects an append whose previous entry it does not hold,
    // hinting its last possibly-matching index and term.
    @Test
    void followerRejectsMismatchWithHint() {
        RaftCluster c = cluster(3);
        c.elect(1);
        RawNode f = c.node(2);
        f.step(new MsgApp(1, 2, 1, 1, 5, List.of(Entry.normal(1, 6, null)), 1));
        Ready rd = f.ready();
        MsgAppResp resp = (MsgAppResp) rd.messagesAfterPersist().get(0);
        assertTrue(resp.reject());
        assertEquals(5, resp.index());
        assertEquals(1, resp.rejectHint());
        assertEquals(1, resp.logTerm());
    }

    // §5.3: a conflicting (uncommitted) suffix is deleted and replaced by the leader's entries.
    @Test
    void conflictingSuffixIsOverwritten() {
        RaftCluster c = cluster(3);
        c.elect(1);
        c.node(2).step(new MsgApp(1, 2, 1, 1, 1, List.of(Entry.normal(1, 2, new byte[] {'o'})), 1));
        c.node(2).step(new MsgApp(3, 2, 2, 1, 1, List.of(Entry.normal(2, 2, new byte[] {'n'})), 1));
        List<Entry> log = c.node(2).core().log().allEntries();
        assertEquals(2, log.size());
        assertEquals(2, log.get(1).term());
    }

    // §5.3: duplicated and reordered appends are harmless (the follower log is idempotent).
    @Test
    void duplicatesAndReorderingAreHarmless() {
        RaftCluster c = cluster(3);
        c.elect(1);
        c.propose(1, "a");
        c.propose(1, "b");
        c.processReady(1);
        // Duplicate everything in flight, deliver in reverse order.
        int n = c.inflight().size();
        for (int i = 0; i < n; i++) {
            c.duplicateAt(i);
        }
        while (!c.inflight().isEmpty()) {
            c.deliverAt(c.inflight().size() - 1);
        }
        c.stabilize();
        c.elapse(2);
        for (long id : c.ids()) {
            assertEquals(3, c.node(id).core().log().committed(), "member " + id);
        }
    }

    // §5.3 heartbeats carry min(match, commit), so a follower never commits entries it may lack.
    @Test
    void heartbeatCommitBoundedByMatch() {
        RaftCluster c = cluster(3);
        c.elect(1);
        c.crash(3);
        c.commit(1, "a");
        c.restart(3);
        c.tick(1, 1);
        c.processReady(1);
        for (Message m : c.inflight()) {
            if (m instanceof MsgHeartbeat h && h.to() == 3) {
                assertEquals(1, h.commit(), "3 is only known to match index 1");
            }
            if (m instanceof MsgHeartbeat h && h.to() == 2) {
                assertEquals(2, h.commit());
            }
        }
    }

    // §5.3 + etcd flow control: at most max-inflight-msgs unacknowledged appends per follower.
    @Test
    void inflightWindowLimitsUnacknowledgedAppends() {
        RaftCluster c = cluster(2, RaftCluster.testConfig(false, false).withFlowControl(1, 3));
        c.elect(1);
        for (int i = 0; i < 10; i++) {
            c.propose(1, "e" + i);
        }
        c.processReady(1);
        long appends = c.inflight().stream().filter(m -> m instanceof MsgApp a && !a.entries().isEmpty()).count();
        assertEquals(3, appends);
        assertEquals(ProgressState.REPLICATE, c.node(1).core().tracker().get(2).state());
        assertTrue(c.node(1).core().tracker().get(2).isPaused());
        c.stabilize();
        assertEquals(11, c.node(2).core().log().committed(), "no-op + 10 entries");
    }

    // §5.3 + etcd: appends are split at max-size-per-msg (but always carry at least one entry).
    @Test
    void appendsRespectMaxSizePerMsg() {
        RaftConfig cfg = RaftCluster.testConfig(false, false).withFlowControl(2 * (Entry.HEADER_BYTES + 2), 256);
        RaftCluster c = cluster(2, cfg);
        c.elect(1);
        for (int i = 0; i < 6; i++) {
            c.propose(1, "e" + i);
        }
        c.processReady(1);
        for (Message m : c.inflight()) {
            assertTrue(((MsgApp) m).entries().size() <= 2, "at most two 26-byte entries per message");
        }
        c.stabilize();
        assertEquals(7, c.node(2).core().log().committed(), "no-op + 6 entries");
    }

    // §5.3: when every append is lost, the next heartbeat round makes the leader probe again.
    @Test
    void lostAppendsAreRecoveredByProbing() {
        RaftCluster c = cluster(3);
        c.elect(1);
        c.propose(1, "x");
        c.processReady(1);
        c.drop(1, 2);
        c.drop(1, 3);
        c.stabilize();
        assertEquals(1, c.node(2).core().log().lastIndex(), "2 missed entry 2");
        assertEquals(1, c.node(3).core().log().lastIndex(), "3 missed entry 2");
        assertEquals(1, c.node(1).core().log().committed());
        c.elapse(1);
        for (long id : c.ids()) {
            assertEquals(2, c.node(id).core().log().committed(), "member " + id);
        }
    }

    // §5.3 + etcd flow control (regression found by the property): when a full window of appends is
    // lost, heartbeat responses make the leader send only empty appends, whose rejection resets the window.
    @Test
    void lostFullWindowRecovers() {
        RaftCluster c = cluster(2, RaftCluster.testConfig(false, false).withFlowControl(1, 2));
        c.elect(1);
        for (int i = 0; i < 4; i++) {
            c.propose(1, "e" + i);
        }
        c.processReady(1);
        c.drop(1, 2);
        assertTrue(c.node(1).core().tracker().get(2).inflights().full());
        c.tick(1, 1);
        c.processReady(1);
        c.deliverAll(0);
        c.processReady(2);
        c.deliverAll(0);
        c.processReady(1);
        assertTrue(c.inflight().stream().allMatch(m -> !(m instanceof MsgApp a) || a.entries().isEmpty()),
                "a throttled follower gets only empty appends");
        c.stabilize();
        c.elapse(2);
        assertEquals(5, c.node(2).core().log().committed());
    }

    // Thesis §10.2.1: the leader may send an entry before writing it to its own disk, but counts itself
    // towards the entry's quorum only once it is written (etcd-io/raft: its own MsgAppResp comes after the
    // append is persisted). With one follower's acknowledgement of three members, the entry is durable on
    // one disk only: not committed, even though the leader holds it in memory.
    @Test
    void theLeaderCountsItsOwnEntryOnlyOnceItIsPersisted() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 71);
        c.elect(1);
        long before = c.node(1).core().log().committed();
        assertEquals(null, c.propose(1, "x"));
        assertTrue(c.beginReady(1), "the leader's Ready: the entry to persist, the appends already sent");
        c.deliverAll(2);
        c.processReady(2);
        c.deliverAll(1);
        assertEquals(before, c.node(1).core().log().committed(), "one durable copy of three commits nothing");
        c.finishReady(1);
        c.processReadyAll();
        assertEquals(before + 1, c.node(1).core().log().committed(), "the leader's own write makes two");
    }
}
