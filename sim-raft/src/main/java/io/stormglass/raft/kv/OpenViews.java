package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot views ({@link KvSnapshot}) that still read one store's live history. A compaction drops
 * versions in place, so the store first moves them onto a copy of the versions they read
 * ({@link #detachAll}); a view whose holder let it go ({@link KvSnapshot#release}) leaves the list, so
 * the store never copies for a snapshot nobody can read. Holders are few (a member's snapshot files),
 * so the list is short.
 */
final class OpenViews {
    private final List<KvSnapshot> open = new ArrayList<>();

    void add(KvSnapshot view) {
        open.add(view);
    }

    void forget(KvSnapshot view) {
        open.remove(view);
    }

    int size() {
        return open.size();
    }

    /**
     * Moves every open view onto one copy of {@code history} up to the newest view's revision, while the
     * history still holds what each reads; none stays open. No view is encoded: a view's bytes are needed
     * only if its snapshot is sent or restored, and encoding every view of every snapshot file at each
     * compaction was half of a compacting run's time (issue 23).
     */
    void detachAll(MvccHistory history) {
        if (open.isEmpty()) {
            return;
        }
        long newest = 0;
        for (KvSnapshot view : open) {
            newest = Math.max(newest, view.revision());
        }
        MvccHistory copy = history.frozenCopyUpTo(newest);
        for (KvSnapshot view : open) {
            view.detach(copy);
        }
        open.clear();
    }

    /**
     * The store replaced its history (a snapshot restore): the open views keep reading the old one, which no
     * one changes any more, and leave the list.
     */
    void leaveAll() {
        for (KvSnapshot view : open) {
            view.leaveStore();
        }
        open.clear();
    }
}
