package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot views ({@link KvSnapshot}) that still read one store's live history. A compaction drops
 * versions in place, so the store has each of them encoded first ({@link #realiseAll}); a view whose
 * holder let it go ({@link KvSnapshot#release}) leaves the list, so the store never encodes a
 * snapshot nobody can read. Holders are few (a member's snapshot files), so the list is short.
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

    /** Encodes every open view now, while the history still holds what each reads; none stays open. */
    void realiseAll() {
        List<KvSnapshot> views = List.copyOf(open);
        open.clear();
        views.forEach(KvSnapshot::realise);
    }
}
