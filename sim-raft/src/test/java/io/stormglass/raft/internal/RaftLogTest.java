package io.stormglass.raft.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftLogTest {
    private static List<Entry> terms(long firstIndex, long... terms) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            out.add(Entry.normal(terms[i], firstIndex + i, null));
        }
        return out;
    }

    private static RaftLog log(long... terms) {
        MemoryStorage s = new MemoryStorage(List.of(1L));
        s.append(terms(1, terms));
        return new RaftLog(s, Long.MAX_VALUE);
    }

    // §5.3: append only after a matching previous entry; conflicting entries are replaced.
    @Test
    void maybeAppendChecksConsistency() {
        RaftLog l = log(1, 1, 2);
        assertTrue(l.maybeAppend(5, 2, 0, terms(6, 2)).isEmpty(), "gap");
        assertTrue(l.maybeAppend(3, 1, 0, terms(4, 1)).isEmpty(), "term mismatch at 3");
        assertEquals(4, l.maybeAppend(2, 1, 3, terms(3, 3, 3)).getAsLong());
        assertEquals(3, l.term(3));
        assertEquals(3, l.committed(), "commit bounded by the last new entry and the leader's commit");
        assertThrows(IllegalStateException.class, () -> l.maybeAppend(1, 1, 3, terms(2, 9)),
                "a committed entry may never be overwritten");
    }

    // etcd-io/raft raftLog.maybeAppend: an append verifies the log only up to its last new entry, so the
    // commit it carries may move the follower's commit no further; a stale suffix beyond it is not committed.
    @Test
    void anAppendCommitsOnlyWhatItVerified() {
        RaftLog l = log(1, 1, 1, 1); // entries 2..4: a suffix of an old leader that the new one may replace
        assertEquals(2, l.maybeAppend(1, 1, 4, terms(2, 1)).getAsLong(), "one entry verified after index 1");
        assertEquals(2, l.committed(), "the leader's commit 4 is bounded by the last verified entry 2");
        assertEquals(1, l.maybeAppend(1, 1, 4, List.of()).getAsLong(), "an empty append verifies index 1 only");
        assertEquals(2, l.committed(), "and moves nothing past it");
    }

    // §5.3 fast backtracking: the last index at or before i whose term is <= t.
    @Test
    void findConflictByTerm() {
        RaftLog l = log(1, 1, 2, 2, 4, 4);
        assertArrayEquals(new long[] {4, 2}, l.findConflictByTerm(6, 3));
        assertArrayEquals(new long[] {2, 1}, l.findConflictByTerm(4, 1));
        assertArrayEquals(new long[] {6, 4}, l.findConflictByTerm(6, 5));
        assertArrayEquals(new long[] {0, 0}, l.findConflictByTerm(6, 0));
    }

    // §5.4.1 up-to-date: later last term wins, then longer log.
    @Test
    void isUpToDate() {
        RaftLog l = log(1, 2, 2);
        assertTrue(l.isUpToDate(1, 3));
        assertTrue(l.isUpToDate(3, 2));
        assertFalse(l.isUpToDate(2, 2));
        assertFalse(l.isUpToDate(9, 1));
    }

    // §5.4.2: only an entry of the current term commits by counting.
    @Test
    void maybeCommitRequiresTerm() {
        RaftLog l = log(1, 2);
        assertFalse(l.maybeCommit(2, 3));
        assertTrue(l.maybeCommit(2, 2));
        assertEquals(2, l.committed());
    }

    @Test
    void unstableEntriesBecomeStableAndSnapshotsRestore() {
        RaftLog l = log(1);
        l.append(terms(2, 1, 1));
        assertEquals(2, l.unstableEntries().size());
        l.stableTo(2, 1);
        assertEquals(1, l.unstableEntries().size());
        l.stableTo(3, 9);
        assertEquals(1, l.unstableEntries().size(), "stale stableTo (term mismatch) is ignored");
        l.restore(new Snapshot(new SnapshotMetadata(10, 2, ConfState.ofVoters(List.of(1L))), null));
        assertEquals(11, l.firstIndex());
        assertEquals(10, l.lastIndex());
        assertEquals(2, l.term(10));
        assertEquals(10, l.committed());
        assertThrows(StorageException.Compacted.class, () -> l.term(3));
    }

    @Test
    void committedEntriesAreHandedOutOnce() {
        RaftLog l = log(1, 1, 1);
        l.commitTo(2);
        assertEquals(2, l.nextCommittedEntries().size());
        l.appliedTo(2);
        assertFalse(l.hasNextCommittedEntries());
        l.commitTo(3);
        assertEquals(List.of(Entry.normal(1, 3, null)), l.nextCommittedEntries());
    }
}
