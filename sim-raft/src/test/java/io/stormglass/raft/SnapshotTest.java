package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.storage.StorageException;
import io.stormglass.raft.tracker.ProgressState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §7 log compaction and InstallSnapshot, and the storage contract (etcd's ErrCompacted/ErrUnavailable). */
class SnapshotTest {
    private static MemoryStorage storageWith(int entries) {
        MemoryStorage s = new MemoryStorage(List.of(1L, 2L, 3L));
        for (int i = 1; i <= entries; i++) {
            s.append(List.of(Entry.normal(i <= 2 ? 1 : 2, i, new byte[] {(byte) i})));
        }
        return s;
    }

    // §7: compaction discards the prefix but keeps the term of the last compacted entry.
    @Test
    void compactKeepsBoundaryTerm() {
        MemoryStorage s = storageWith(5);
        s.createSnapshot(3, ConfState.ofVoters(List.of(1L, 2L, 3L)), new byte[] {9});
        s.compact(3);
        assertEquals(4, s.firstIndex());
        assertEquals(5, s.lastIndex());
        assertEquals(2, s.term(3));
        assertThrows(StorageException.Compacted.class, () -> s.term(2));
        assertThrows(StorageException.Compacted.class, () -> s.entries(3, 5, Long.MAX_VALUE));
        assertThrows(StorageException.Unavailable.class, () -> s.term(6));
        assertThrows(StorageException.Compacted.class, () -> s.compact(2));
        assertEquals(2, s.entries(4, 6, Long.MAX_VALUE).size());
    }

    @Test
    void entriesAreSizeLimitedButNeverEmpty() {
        MemoryStorage s = storageWith(5);
        assertEquals(1, s.entries(1, 6, 1).size());
        assertEquals(2, s.entries(1, 6, 2 * (Entry.HEADER_BYTES + 1)).size());
    }

    @Test
    void snapshotsMustBeNewer() {
        MemoryStorage s = storageWith(5);
        s.createSnapshot(4, ConfState.ofVoters(List.of(1L, 2L, 3L)), null);
        assertThrows(StorageException.SnapshotOutOfDate.class, () -> s.createSnapshot(3, ConfState.ofVoters(List.of(1L)), null));
        assertThrows(StorageException.SnapshotOutOfDate.class,
                () -> s.applySnapshot(new Snapshot(new SnapshotMetadata(4, 2, ConfState.ofVoters(List.of(1L))), null)));
        s.applySnapshot(new Snapshot(new SnapshotMetadata(10, 3, ConfState.ofVoters(List.of(1L, 2L, 3L))), null));
        assertEquals(11, s.firstIndex());
        assertEquals(10, s.lastIndex());
        assertEquals(3, s.term(10));
    }

    @Test
    void appendTruncatesConflictingSuffix() {
        MemoryStorage s = storageWith(5);
        s.append(List.of(Entry.normal(3, 4, null)));
        assertEquals(4, s.lastIndex());
        assertEquals(3, s.term(4));
        assertThrows(IllegalArgumentException.class, () -> s.append(List.of(Entry.normal(3, 7, null))));
    }

    /** Processes and delivers until the leader has a MsgSnap in flight (heartbeat, probe, rejection, snapshot). */
    private static void runUntilSnapshotSent(RaftCluster c) {
        for (int i = 0; i < 10; i++) {
            c.processReadyAll();
            if (c.inflight().stream().anyMatch(m -> m instanceof MsgSnap)) {
                return;
            }
            c.deliverAll(0);
        }
        throw new AssertionError("no snapshot was sent");
    }

    // §7: a follower behind the leader's first index receives InstallSnapshot and continues from it.
    @Test
    void laggingFollowerCatchesUpFromSnapshot() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 51);
        c.addChecker(new SafetyChecker());
        c.elect(1);
        c.crash(3);
        for (int i = 0; i < 5; i++) {
            c.commit(1, "v" + i);
        }
        assertTrue(c.compact(1, 5));
        c.restart(3);
        c.tick(1, 1);
        runUntilSnapshotSent(c);
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgSnap s && s.snapshot().index() == 5));
        assertEquals(ProgressState.SNAPSHOT, c.node(1).core().tracker().get(3).state());
        c.stabilize();
        c.elapse(2);
        assertEquals(6, c.node(3).core().log().committed());
        assertEquals(5, c.get(3).storage().snapshot().index());
        assertEquals(ProgressState.REPLICATE, c.node(1).core().tracker().get(3).state());
        assertEquals(c.get(1).applied(), c.get(3).applied(), "state machines agree");
    }

    // §7: a snapshot that fails to arrive is reported, and the leader falls back to probing.
    @Test
    void failedSnapshotFallsBackToProbe() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true), 52);
        c.elect(1);
        c.crash(3);
        c.commit(1, "a");
        c.compact(1, 2);
        c.restart(3);
        c.tick(1, 1);
        runUntilSnapshotSent(c);
        c.drop(1, 3);
        assertEquals(ProgressState.PROBE, c.node(1).core().tracker().get(3).state());
        c.elapse(3);
        assertEquals(2, c.node(3).core().log().committed());
    }
}
