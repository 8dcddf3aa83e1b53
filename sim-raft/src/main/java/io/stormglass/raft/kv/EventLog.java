package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The store's changes by revision, for watchers. The changes of the newest revision are kept as
 * they were made (etcd's sub-revision order), which is all that synced watchers need; older ones
 * are read back from the {@link MvccHistory} (as etcd reads them from its revision-ordered key
 * bucket), in revision order and, within a revision, key order. Nothing else is held, so the log
 * costs no memory beyond the history.
 */
final class EventLog {
    private final MvccHistory history;
    private long lastRevision;
    private List<WatchEvent> last = new ArrayList<>();

    EventLog(MvccHistory history) {
        this.history = history;
    }

    void add(long revision, WatchEvent e) {
        if (revision != lastRevision) {
            lastRevision = revision;
            last = new ArrayList<>(1);
        }
        last.add(e);
    }

    /** Events of revisions {@code from..to}, both inclusive, in revision order. */
    List<WatchEvent> between(long from, long to) {
        if (from > to) {
            return List.of();
        }
        if (from == to && from == lastRevision) {
            return List.copyOf(last);
        }
        List<WatchEvent> out = new ArrayList<>();
        history.forEachBetween(from, to,
                (key, v) -> out.add(v.tombstone() ? WatchEvent.delete(key, v.modRevision()) : WatchEvent.put(v.kv())));
        out.sort(Comparator.comparingLong(WatchEvent::revision)); // stable: key order within a revision
        if (to >= lastRevision && from <= lastRevision) {
            // the newest revision in the order its command made the changes
            out.removeIf(e -> e.revision() == lastRevision);
            out.addAll(last);
        }
        return out;
    }
}
