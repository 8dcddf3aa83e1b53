package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ready/advance contract and thesis §10.2.1 (leader writes to its disk in parallel). */
class ReadyTest {
    // Thesis §10.2.1: the leader's own log counts toward the commit quorum only once persisted,
    // so it may send appends before (or while) writing its disk.
    @Test
    void leaderCountsItselfOnlyAfterPersisting() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(false, false), 71);
        c.elect(1);
        c.propose(1, "x");
        assertTrue(c.beginReady(1), "appends go out before persisting");
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgApp a && !a.entries().isEmpty()));
        // One follower acknowledges; with the leader's unpersisted copy that would be a majority.
        c.node(1).step(MsgAppResp.accept(2, 1, 1, 2));
        assertEquals(1, c.node(1).core().log().committed(), "unpersisted leader copy does not count");
        c.finishReady(1);
        assertEquals(2, c.node(1).core().log().committed());
    }

    // A crash between sending and persisting loses the leader's copy; the entry still commits only
    // once it is durable on a majority.
    @Test
    void leaderCrashBeforePersistIsSafe() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(false, false), 72);
        c.addChecker(new io.stormglass.raft.harness.SafetyChecker());
        c.elect(1);
        c.propose(1, "x");
        c.beginReady(1);
        c.crash(1);
        c.stabilize();
        assertEquals(1, c.get(1).storage().lastIndex(), "leader never persisted x");
        assertEquals(2, c.node(2).core().log().lastIndex(), "followers persisted x");
        c.elapse(40);
        c.restart(1);
        c.elapse(5);
        assertEquals(1, c.leaders().size());
        assertEquals(c.node(2).core().log().allEntries(), c.node(1).core().log().allEntries());
    }

    @Test
    void mustSyncOnlyForTermVoteOrEntries() {
        RawNode n = new RawNode(RaftConfig.etcdDefaults(1).withPreVote(false), new MemoryStorage(List.of(1L, 2L, 3L)),
                new SimRandom(1));
        n.campaign();
        Ready rd = n.ready();
        assertTrue(rd.mustSync(), "term and vote changed");
        assertThrows(IllegalStateException.class, n::ready, "one Ready at a time");
        assertFalse(n.hasReady());
        n.advance(rd);
        n.step(new io.stormglass.raft.message.MsgHeartbeat(2, 1, 1, 0, null));
        Ready hb = n.ready();
        assertFalse(hb.mustSync(), "leader change and heartbeat response need no fsync");
        assertEquals(new SoftState(2, StateRole.FOLLOWER), hb.softState());
        n.advance(hb);
        assertFalse(n.hasReady());
    }
}
