package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The store's changes by revision since the compaction revision: where a watcher that fell behind
 * catches up from (etcd reads them from the key bucket, which is ordered by revision). Within a
 * revision, events keep the order in which the command made them (etcd's sub-revisions); after a
 * snapshot restore, key order.
 */
final class EventLog {
    private final NavigableMap<Long, List<WatchEvent>> byRevision = new TreeMap<>();

    void add(long revision, WatchEvent e) {
        byRevision.computeIfAbsent(revision, r -> new ArrayList<>(1)).add(e);
    }

    /** Events of revisions {@code from..to}, both inclusive, in revision order. */
    List<WatchEvent> between(long from, long to) {
        List<WatchEvent> out = new ArrayList<>();
        if (from <= to) {
            byRevision.subMap(from, true, to, true).values().forEach(out::addAll);
        }
        return out;
    }

    /** Forgets revisions below {@code revision}. */
    void compact(long revision) {
        byRevision.headMap(revision, false).clear();
    }

    /** Rebuilds the log from the history (snapshot restore). */
    void rebuild(MvccHistory history) {
        byRevision.clear();
        history.all().forEach((key, versions) -> {
            for (MvccHistory.Version v : versions) {
                add(v.modRevision(), v.tombstone() ? WatchEvent.delete(key, v.modRevision()) : WatchEvent.put(v.kv()));
            }
        });
    }
}
