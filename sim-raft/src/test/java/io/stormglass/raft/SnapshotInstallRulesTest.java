package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receiver's rules of InstallSnapshot (thesis §5.1, etcd-io/raft {@code raft.restore}) for the
 * snapshots a follower must not install as they come: one its commit index already covers, and one
 * whose last entry its log holds at the same index but of another term. Mutants 29 and 30 of
 * {@code build/mutations/equivalent/} break them.
 */
class SnapshotInstallRulesTest {
    private static final ConfState THREE = ConfState.ofVoters(List.of(1L, 2L, 3L));

    /**
     * A copy of an old snapshot (duplicated, or delayed behind a newer one) reaches a follower that has
     * committed past it and compacted its log beyond it: it is ignored, as etcd's {@code restore}
     * refuses any snapshot at or below the commit index; installing it would move the log and the
     * state machine back.
     */
    @Test
    void aSnapshotTheCommitIndexCoversIsIgnoredEvenOnceTheLogIsCompactedPastIt() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 61);
        c.elect(1);
        for (int i = 0; i < 4; i++) {
            c.commit(1, "a" + i);
        }
        long old = c.node(1).core().log().applied();
        assertTrue(c.compact(1, old));
        Snapshot stale = c.get(1).storage().snapshot();
        for (int i = 0; i < 4; i++) {
            c.commit(1, "b" + i);
        }
        c.stabilize();
        long committed = c.node(3).core().log().committed();
        assertTrue(c.compact(3, c.node(3).core().log().applied()), "the follower compacts past the old snapshot");
        assertTrue(c.get(3).storage().snapshot().index() > stale.index());

        RawNode follower = c.node(3);
        follower.step(new MsgSnap(1, 3, follower.core().term(), stale));
        Ready rd = follower.ready();
        assertNull(rd.snapshot(), "the old snapshot is not installed");
        assertEquals(committed, follower.core().log().committed(), "and the commit index does not move back");
    }

    /**
     * A follower holds an entry at the snapshot's last index, but of an older term (a suffix of a
     * deposed leader, never committed): its log does not hold the snapshot's last entry, so it installs
     * the snapshot (§5.1: "if the follower has an existing log entry with the same index and term as the
     * snapshot's last included entry, it retains the log entries following it"), and never commits its
     * own entry of the old term.
     */
    @Test
    void aSnapshotWhoseLastEntryDiffersInTermReplacesTheLog() {
        MemoryStorage storage = new MemoryStorage(THREE);
        for (long i = 1; i <= 5; i++) {
            storage.append(List.of(Entry.normal(1, i, new byte[] {(byte) i})));
        }
        RawNode follower = new RawNode(RaftConfig.etcdDefaults(1), storage, new SimRandom(1));
        follower.step(new MsgSnap(2, 1, 2, new Snapshot(new SnapshotMetadata(4, 2, THREE), null)));
        Ready rd = follower.ready();
        assertNotNull(rd.snapshot(), "the snapshot is installed");
        assertEquals(4, follower.core().log().committed());
        assertEquals(2, follower.core().log().term(4), "index 4 is the snapshot's entry of term 2, not the old one of term 1");
        assertEquals(4, follower.core().log().lastIndex(), "the conflicting suffix is gone");
    }
}
