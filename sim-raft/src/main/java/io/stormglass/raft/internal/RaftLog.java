package io.stormglass.raft.internal;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.storage.EntryLists;
import io.stormglass.raft.storage.Storage;
import io.stormglass.raft.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A member's log: the stable part in {@link Storage} followed by the {@link UnstableLog}, with the
 * commit and applied indexes (etcd-io/raft {@code raftLog}). Invariant:
 * {@code applied <= committed <= lastIndex()}, and committed entries never change (§5.4).
 */
public final class RaftLog {
    private final Storage storage;
    private final UnstableLog unstable;
    private long committed;
    private long applied;
    private final long maxApplyingBytes;

    public RaftLog(Storage storage, long maxApplyingBytes) {
        this.storage = storage;
        this.maxApplyingBytes = maxApplyingBytes;
        long first = storage.firstIndex();
        unstable = new UnstableLog(storage.lastIndex() + 1);
        committed = first - 1;
        applied = first - 1;
    }

    public long committed() {
        return committed;
    }

    public long applied() {
        return applied;
    }

    public long firstIndex() {
        OptionalLong i = unstable.maybeFirstIndex();
        return i.isPresent() ? i.getAsLong() : storage.firstIndex();
    }

    public long lastIndex() {
        OptionalLong i = unstable.maybeLastIndex();
        return i.isPresent() ? i.getAsLong() : storage.lastIndex();
    }

    public long lastTerm() {
        return termOrZero(lastIndex());
    }

    /**
     * The term of entry {@code index}; 0 for index 0 or out of range above.
     *
     * @throws StorageException.Compacted if the entry was compacted away
     */
    public long term(long index) {
        long dummy = firstIndex() - 1;
        if (index < dummy) {
            throw new StorageException.Compacted(index, dummy + 1);
        }
        if (index > lastIndex()) {
            return 0;
        }
        OptionalLong t = unstable.maybeTerm(index);
        return t.isPresent() ? t.getAsLong() : storage.term(index);
    }

    /** The term of {@code index}, or 0 if it was compacted (etcd's {@code zeroTermOnErrCompacted}). */
    public long termOrZero(long index) {
        try {
            return term(index);
        } catch (StorageException.Compacted e) {
            return 0;
        }
    }

    public boolean matchTerm(long index, long term) {
        try {
            return term(index) == term;
        } catch (StorageException e) {
            return false;
        }
    }

    /**
     * The AppendEntries consistency check and append (§5.3): if our entry at {@code index} has term
     * {@code logTerm}, deletes conflicting entries, appends the new ones, advances commit to
     * {@code min(leaderCommit, last new index)}; returns the last new index, or empty if the check fails.
     */
    public OptionalLong maybeAppend(long index, long logTerm, long leaderCommit, List<Entry> ents) {
        if (!matchTerm(index, logTerm)) {
            return OptionalLong.empty();
        }
        long lastNew = index + ents.size();
        long conflict = findConflict(ents);
        if (conflict != 0) {
            if (conflict <= lastIndex()) {
                RaftProbe.CONFLICT_TRUNCATED.hit();
            }
            if (conflict <= committed) {
                throw new IllegalStateException("entry " + conflict + " conflicts with committed entry [committed("
                        + committed + ")]");
            }
            append(ents.subList((int) (conflict - (index + 1)), ents.size()));
        }
        commitTo(Math.min(leaderCommit, lastNew));
        return OptionalLong.of(lastNew);
    }

    /** Appends after the given entries' predecessor, truncating; returns the new last index. */
    public long append(List<Entry> ents) {
        if (ents.isEmpty()) {
            return lastIndex();
        }
        long after = ents.get(0).index() - 1;
        if (after < committed) {
            throw new IllegalStateException("after(" + after + ") is out of range [committed(" + committed + ")]");
        }
        unstable.truncateAndAppend(ents);
        return lastIndex();
    }

    /** The first entry that does not match our log (0 if all match or are new and contiguous). */
    long findConflict(List<Entry> ents) {
        for (Entry e : ents) {
            if (!matchTerm(e.index(), e.term())) {
                return e.index();
            }
        }
        return 0;
    }

    /**
     * The largest index {@code <= index} whose term is {@code <= term}, and that term: the last entry
     * that could match a log whose entry at {@code index} has {@code term} (fast backtracking, §5.3).
     */
    public long[] findConflictByTerm(long index, long term) {
        long i = index;
        while (true) {
            long ourTerm;
            try {
                ourTerm = term(i);
            } catch (StorageException e) {
                return new long[] {i, 0};
            }
            if (ourTerm <= term) {
                return new long[] {i, ourTerm};
            }
            i--;
        }
    }

    public List<Entry> unstableEntries() {
        return unstable.entries();
    }

    /** {@code !unstableEntries().isEmpty()} without copying them: asked after every step. */
    public boolean hasUnstableEntries() {
        return unstable.hasEntries();
    }

    public Snapshot unstableSnapshot() {
        return unstable.snapshot();
    }

    /** Committed entries not yet applied, bounded by the per-Ready size limit. */
    public List<Entry> nextCommittedEntries() {
        long lo = Math.max(applied + 1, firstIndex());
        if (committed + 1 <= lo) {
            return List.of();
        }
        return slice(lo, committed + 1, maxApplyingBytes);
    }

    public boolean hasNextCommittedEntries() {
        return committed + 1 > Math.max(applied + 1, firstIndex());
    }

    /**
     * Whether a committed but unapplied entry changes the configuration (etcd's
     * {@code hasUnappliedConfChanges}); scanned page by page within the per-Ready size limit.
     */
    public boolean hasUnappliedConfChanges() {
        long lo = Math.max(applied + 1, firstIndex());
        while (lo <= committed) {
            List<Entry> page = slice(lo, committed + 1, maxApplyingBytes);
            for (Entry e : page) {
                if (e.type().isConfChange()) {
                    return true;
                }
            }
            lo += page.size();
        }
        return false;
    }

    /** The latest snapshot, pending or stable. */
    public Snapshot snapshot() {
        Snapshot s = unstable.snapshot();
        return s != null ? s : storage.snapshot();
    }

    public void commitTo(long index) {
        if (committed < index) {
            if (lastIndex() < index) {
                throw new IllegalStateException("tocommit(" + index + ") is out of range [lastIndex(" + lastIndex()
                        + ")]. Was the raft log corrupted, truncated, or lost?");
            }
            committed = index;
        }
    }

    public void appliedTo(long index) {
        if (index == 0) {
            return;
        }
        if (committed < index || index < applied) {
            throw new IllegalStateException("applied(" + index + ") is out of range [prevApplied(" + applied
                    + "), committed(" + committed + ")]");
        }
        applied = index;
    }

    public void stableTo(long index, long term) {
        unstable.stableTo(index, term);
    }

    public void stableSnapTo(long index) {
        unstable.stableSnapTo(index);
    }

    /** Whether a log ending at ({@code lastIndex}, {@code term}) is at least as up-to-date as ours (§5.4.1). */
    public boolean isUpToDate(long lastIndex, long term) {
        long ourTerm = lastTerm();
        return term > ourTerm || (term == ourTerm && lastIndex >= lastIndex());
    }

    /** Commits {@code maxIndex} only if its entry is of {@code term} (the current term, §5.4.2). */
    public boolean maybeCommit(long maxIndex, long term) {
        if (maxIndex > committed && termOrZero(maxIndex) == term) {
            commitTo(maxIndex);
            return true;
        }
        return false;
    }

    /** Replaces the log with a snapshot received from the leader (§7). */
    public void restore(Snapshot s) {
        committed = s.index();
        unstable.restore(s);
    }

    /**
     * Entries from {@code index} to the end, within {@code maxSizeBytes}.
     *
     * @throws StorageException.Compacted if {@code index} was compacted away
     */
    public List<Entry> entries(long index, long maxSizeBytes) {
        if (index > lastIndex()) {
            return List.of();
        }
        return slice(index, lastIndex() + 1, maxSizeBytes);
    }

    /** All entries from the first index on (tests and checkers). */
    public List<Entry> allEntries() {
        return entries(firstIndex(), EntryLists.NO_LIMIT);
    }

    List<Entry> slice(long lo, long hi, long maxSizeBytes) {
        if (lo > hi) {
            throw new IllegalArgumentException("invalid slice " + lo + " > " + hi);
        }
        long fi = firstIndex();
        if (lo < fi) {
            throw new StorageException.Compacted(lo, fi);
        }
        if (hi > lastIndex() + 1) {
            throw new IllegalArgumentException("slice[" + lo + "," + hi + ") out of bound [" + fi + "," + lastIndex() + "]");
        }
        if (lo == hi) {
            return List.of();
        }
        List<Entry> ents = new ArrayList<>();
        long uOffset = unstable.offset();
        if (lo < uOffset) {
            long storedHi = Math.min(hi, uOffset);
            List<Entry> stored = storage.entries(lo, storedHi, maxSizeBytes);
            if (stored.size() < storedHi - lo) {
                return stored;
            }
            ents.addAll(stored);
        }
        if (hi > uOffset) {
            ents.addAll(unstable.slice(Math.max(lo, uOffset), hi));
        }
        return EntryLists.limitSize(ents, maxSizeBytes);
    }
}
