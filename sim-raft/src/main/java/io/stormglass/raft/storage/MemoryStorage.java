package io.stormglass.raft.storage;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Storage} kept in memory, as etcd-io/raft's {@code MemoryStorage}: the "stable" state of a
 * member in tests, or the in-memory index in front of a WAL. Element 0 of the entry list is a dummy
 * marking the snapshot's index and term, so the term of the last compacted entry is still known.
 * Not thread-safe (the simulation has one thread).
 */
public final class MemoryStorage implements Storage {
    private HardState hardState = HardState.EMPTY;
    private Snapshot snapshot;
    private final List<Entry> ents = new ArrayList<>();

    /** An empty storage for a new cluster of {@code voters} (etcd's bootstrap {@code ConfState}). */
    public MemoryStorage(List<Long> voters) {
        this(ConfState.ofVoters(voters));
    }

    /**
     * An empty storage whose configuration is {@code confState}: the configuration a new cluster starts
     * with, or {@link ConfState#EMPTY} for a member that joins an existing cluster and learns the
     * configuration from the log or a snapshot.
     */
    public MemoryStorage(ConfState confState) {
        snapshot = new Snapshot(new SnapshotMetadata(0, 0, confState), new byte[0]);
        ents.add(new Entry(0, 0, EntryType.NORMAL, null));
    }

    @Override
    public InitialState initialState() {
        return new InitialState(hardState, snapshot.metadata().confState());
    }

    /** Records the hard state persisted with the latest {@code Ready}. */
    public void setHardState(HardState state) {
        hardState = state;
    }

    private long offset() {
        return ents.get(0).index();
    }

    @Override
    public List<Entry> entries(long lo, long hi, long maxSizeBytes) {
        long offset = offset();
        if (lo <= offset) {
            throw new StorageException.Compacted(lo, offset + 1);
        }
        if (hi > lastIndex() + 1) {
            throw new IllegalArgumentException("entries' hi(" + hi + ") is out of bound lastindex(" + lastIndex() + ")");
        }
        if (ents.size() == 1) {
            throw new StorageException.Unavailable(lo, lastIndex());
        }
        return EntryLists.limitSize(ents.subList((int) (lo - offset), (int) (hi - offset)), maxSizeBytes);
    }

    @Override
    public long term(long index) {
        long offset = offset();
        if (index < offset) {
            throw new StorageException.Compacted(index, offset + 1);
        }
        if (index - offset >= ents.size()) {
            throw new StorageException.Unavailable(index, lastIndex());
        }
        return ents.get((int) (index - offset)).term();
    }

    @Override
    public long firstIndex() {
        return offset() + 1;
    }

    @Override
    public long lastIndex() {
        return offset() + ents.size() - 1;
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Replaces the contents with a snapshot received from the leader (§7) and discards the whole log.
     *
     * @throws StorageException.SnapshotOutOfDate if it is not newer than the current snapshot
     */
    public void applySnapshot(Snapshot snap) {
        if (snapshot.index() >= snap.index()) {
            throw new StorageException.SnapshotOutOfDate(snap.index(), snapshot.index());
        }
        snapshot = snap;
        ents.clear();
        ents.add(new Entry(snap.term(), snap.index(), EntryType.NORMAL, null));
    }

    /**
     * Records a snapshot the application took of its state at {@code index} (which it has applied), with
     * the configuration as of that index (what {@code RawNode.applyConfChange} last returned); the log is
     * not compacted by this: call {@link #compact(long)}.
     */
    public Snapshot createSnapshot(long index, ConfState confState, byte[] data) {
        if (index <= snapshot.index()) {
            throw new StorageException.SnapshotOutOfDate(index, snapshot.index());
        }
        if (index > lastIndex()) {
            throw new IllegalArgumentException("snapshot " + index + " is out of bound lastindex(" + lastIndex() + ")");
        }
        snapshot = new Snapshot(new SnapshotMetadata(index, term(index), confState), data);
        return snapshot;
    }

    /**
     * Discards entries up to and including {@code compactIndex} (§7); the application must not compact
     * beyond what it has applied and snapshotted.
     *
     * @throws StorageException.Compacted if already compacted that far
     */
    public void compact(long compactIndex) {
        long offset = offset();
        if (compactIndex <= offset) {
            throw new StorageException.Compacted(compactIndex, offset + 1);
        }
        if (compactIndex > lastIndex()) {
            throw new IllegalArgumentException("compact " + compactIndex + " is out of bound lastindex(" + lastIndex() + ")");
        }
        int i = (int) (compactIndex - offset);
        Entry marker = new Entry(ents.get(i).term(), ents.get(i).index(), EntryType.NORMAL, null);
        List<Entry> rest = new ArrayList<>(ents.subList(i + 1, ents.size()));
        ents.clear();
        ents.add(marker);
        ents.addAll(rest);
    }

    /**
     * Appends persisted entries, truncating any conflicting suffix first (entries must be contiguous
     * with, or overlap, the current log; entries already compacted are skipped).
     */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long first = firstIndex();
        long last = entries.get(0).index() + entries.size() - 1;
        if (last < first) {
            return;
        }
        List<Entry> toAdd = entries;
        if (first > entries.get(0).index()) {
            toAdd = entries.subList((int) (first - entries.get(0).index()), entries.size());
        }
        long offset = toAdd.get(0).index() - offset();
        if (ents.size() > offset) {
            ents.subList((int) offset, ents.size()).clear();
            ents.addAll(toAdd);
        } else if (ents.size() == offset) {
            ents.addAll(toAdd);
        } else {
            throw new IllegalArgumentException("missing log entry [last: " + lastIndex() + ", append at: "
                    + toAdd.get(0).index() + "]");
        }
    }
}
