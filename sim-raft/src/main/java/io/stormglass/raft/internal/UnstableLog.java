package io.stormglass.raft.internal;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Entries and a snapshot not yet persisted (etcd-io/raft {@code unstable}). Entry {@code i} of the list
 * has index {@code offset + i}; an incoming snapshot sits here until the application persists it.
 */
final class UnstableLog {
    private Snapshot snapshot;
    private final List<Entry> entries = new ArrayList<>();
    private long offset;

    UnstableLog(long offset) {
        this.offset = offset;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    long offset() {
        return offset;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    boolean hasEntries() {
        return !entries.isEmpty();
    }

    /** First index known here: only with a pending snapshot. */
    OptionalLong maybeFirstIndex() {
        return snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot.index() + 1);
    }

    OptionalLong maybeLastIndex() {
        if (!entries.isEmpty()) {
            return OptionalLong.of(offset + entries.size() - 1);
        }
        return snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot.index());
    }

    OptionalLong maybeTerm(long index) {
        if (index < offset) {
            if (snapshot != null && snapshot.index() == index) {
                return OptionalLong.of(snapshot.term());
            }
            return OptionalLong.empty();
        }
        OptionalLong last = maybeLastIndex();
        if (last.isEmpty() || index > last.getAsLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entries.get((int) (index - offset)).term());
    }

    /** Entries up to {@code index} (with term {@code term}) are now stable: drop them. */
    void stableTo(long index, long term) {
        OptionalLong t = maybeTerm(index);
        if (t.isEmpty() || t.getAsLong() != term || index < offset) {
            // Stale: the entries were replaced by a conflicting append after the Ready was taken.
            return;
        }
        entries.subList(0, (int) (index + 1 - offset)).clear();
        offset = index + 1;
    }

    void stableSnapTo(long index) {
        if (snapshot != null && snapshot.index() == index) {
            snapshot = null;
        }
    }

    void restore(Snapshot s) {
        offset = s.index() + 1;
        entries.clear();
        snapshot = s;
    }

    /** Appends, truncating any existing entries at or after the first new index. */
    void truncateAndAppend(List<Entry> ents) {
        long from = ents.get(0).index();
        if (from == offset + entries.size()) {
            entries.addAll(ents);
        } else if (from <= offset) {
            // Replaces everything unstable; the storage keeps what precedes it.
            offset = from;
            entries.clear();
            entries.addAll(ents);
        } else {
            entries.subList((int) (from - offset), entries.size()).clear();
            entries.addAll(ents);
        }
    }

    List<Entry> slice(long lo, long hi) {
        if (lo > hi || lo < offset || hi > offset + entries.size()) {
            throw new IllegalStateException("unstable.slice[" + lo + "," + hi + ") out of bound [" + offset + ","
                    + (offset + entries.size()) + "]");
        }
        return List.copyOf(entries.subList((int) (lo - offset), (int) (hi - offset)));
    }
}
