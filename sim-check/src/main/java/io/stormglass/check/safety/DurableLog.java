package io.stormglass.check.safety;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checker's model of what one member holds on disk: the durable term and vote, the snapshot
 * its log starts after, and the entries after it, updated with the WAL's semantics (an append
 * replaces the suffix from its first index on; an installed snapshot discards the log before it).
 */
final class DurableLog {
    private long snapshotIndex;
    private long snapshotTerm;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    /** WAL writes issued and not yet reported complete, oldest first: a crash may keep any of them. */
    private final List<List<Entry>> inFlight = new ArrayList<>();
    private long term;
    private long vote;
    private long commit;

    long snapshotIndex() {
        return snapshotIndex;
    }

    long term() {
        return term;
    }

    long vote() {
        return vote;
    }

    long commit() {
        return commit;
    }

    long lastIndex() {
        return entries.isEmpty() ? snapshotIndex : entries.lastKey();
    }

    /** The entry at {@code index}, or null if absent or covered by the snapshot. */
    Entry at(long index) {
        return entries.get(index);
    }

    /** The term at {@code index}: the snapshot's at its index, -1 if unknown (absent or compacted). */
    long termAt(long index) {
        if (index == snapshotIndex) {
            return snapshotTerm;
        }
        Entry e = entries.get(index);
        return e == null ? -1 : e.term();
    }

    /** Whether the log holds an entry of {@code term} at {@code index}, or a snapshot that covers it. */
    boolean covers(long index, long term) {
        if (index < snapshotIndex) {
            return true;
        }
        return termAt(index) == term;
    }

    void setHardState(HardState hs) {
        term = hs.term();
        vote = hs.vote();
        commit = Math.max(commit, hs.commit());
    }

    /**
     * Appends {@code ents} (contiguous, ascending), replacing everything from the first one's index
     * on; entries at or below the snapshot are skipped as the storage does.
     *
     * @return the entries the append removed or replaced, in index order
     */
    List<Entry> append(List<Entry> ents) {
        List<Entry> kept = new ArrayList<>(ents.size());
        for (Entry e : ents) {
            if (e.index() > snapshotIndex) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        Map<Long, Entry> tail = entries.tailMap(kept.get(0).index(), true);
        List<Entry> removed = new ArrayList<>(tail.values());
        tail.clear();
        for (Entry e : kept) {
            entries.put(e.index(), e);
        }
        return removed;
    }

    /** InstallSnapshot: the log now starts after {@code index}; returns the entries discarded. */
    List<Entry> installSnapshot(long index, long term) {
        List<Entry> removed = new ArrayList<>(entries.values());
        entries.clear();
        snapshotIndex = index;
        snapshotTerm = term;
        commit = Math.max(commit, index);
        return removed;
    }

    /** A WAL write of {@code ents} was issued: until {@link #written}, a crash may or may not keep it. */
    void writing(List<Entry> ents) {
        inFlight.add(List.copyOf(ents));
    }

    /** The write of {@code ents} completed (the oldest in-flight write with these entries). */
    void written(List<Entry> ents) {
        for (int i = 0; i < inFlight.size(); i++) {
            if (inFlight.get(i).equals(ents)) {
                inFlight.remove(i);
                return;
            }
        }
    }

    /** Whether {@code e} is an entry of a write issued but not completed before the crash. */
    boolean wasBeingWritten(Entry e) {
        for (List<Entry> w : inFlight) {
            if (!w.isEmpty() && e.index() >= w.get(0).index() && e.index() <= w.get(w.size() - 1).index()
                    && e.equals(w.get((int) (e.index() - w.get(0).index())))) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the model with what a reboot recovered (writes in flight died with the process). */
    void reset(long snapIndex, long snapTerm, HardState hs, List<Entry> recovered) {
        snapshotIndex = snapIndex;
        snapshotTerm = snapTerm;
        inFlight.clear();
        entries.clear();
        for (Entry e : recovered) {
            if (e.index() > snapIndex) {
                entries.put(e.index(), e);
            }
        }
        term = hs.term();
        vote = hs.vote();
        commit = Math.max(snapIndex, hs.commit());
    }

    /** Entries after the snapshot, in index order. */
    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
