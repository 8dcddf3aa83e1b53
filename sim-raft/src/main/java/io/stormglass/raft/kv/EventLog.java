package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;

/**
 * The store's changes by revision, for watchers, in etcd's order: by revision and, within a revision,
 * in the order its command made them (sub-revision order). etcd keeps that order in both paths: a
 * synced watcher's {@code notify} gets the write transaction's changes as made, and a catching-up
 * watcher's read ranges over the key bucket, whose keys are (main, sub) revisions
 * (server/storage/mvcc/watchable_store.go, revision.go). A key a command changes twice (a transaction
 * putting it twice, or putting and deleting it) appears once, with its last change, at that change's
 * place: the history holds one version per key and revision. (etcd refuses such a transaction,
 * {@code rpctypes.ErrGRPCDuplicateKey}, "duplicate key given in txn request", from v3rpc's
 * {@code checkIntervals}; the simulator's own commands may still hold one.) A revision restored from
 * a snapshot has its changes in key order: the snapshot encoding keeps each key's versions, not the
 * order within a revision ({@link MvccHistory#endRestore}).
 *
 * <p>The changes of the newest revision are kept as they were made, which is all that synced watchers
 * need; older ones are read back from the {@link MvccHistory}'s revision index at
 * O(log n + events returned), as etcd reads them from its key bucket. Nothing else is held, so the
 * log costs no memory beyond the history.
 */
final class EventLog {
    private final MvccHistory history;
    private long lastRevision;
    private List<WatchEvent> last = new ArrayList<>();

    EventLog(MvccHistory history) {
        this.history = history;
    }

    /** Adds a change of the newest revision, {@code revision}, to a key it has not changed yet. */
    void add(long revision, WatchEvent e) {
        if (revision != lastRevision) {
            lastRevision = revision;
            last = new ArrayList<>(1);
        }
        last.add(e);
    }

    /**
     * Adds a change of the newest revision, {@code revision}, to a key it changed before (see
     * {@link MvccHistory#record}): the earlier change's event goes, this one comes last.
     */
    void replace(long revision, WatchEvent e) {
        if (revision == lastRevision) {
            String key = e.kv().key();
            for (int i = last.size() - 1; i >= 0; i--) {
                if (last.get(i).kv().key().equals(key)) {
                    last.remove(i);
                    break;
                }
            }
        }
        add(revision, e);
    }

    /** Events of revisions {@code from..to}, both inclusive, in revision and then sub-revision order. */
    List<WatchEvent> between(long from, long to) {
        if (from > to) {
            return List.of();
        }
        boolean withNewest = lastRevision > 0 && from <= lastRevision && lastRevision <= to;
        if (withNewest && from == to) {
            return List.copyOf(last);
        }
        List<WatchEvent> out = new ArrayList<>();
        history.forEachBetween(from, withNewest ? lastRevision - 1 : to,
                (key, v) -> out.add(v.tombstone() ? WatchEvent.delete(key, v.modRevision()) : WatchEvent.put(v.kv())));
        if (withNewest) {
            out.addAll(last);
        }
        return out;
    }
}
