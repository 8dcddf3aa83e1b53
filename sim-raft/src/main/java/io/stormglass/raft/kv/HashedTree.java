package io.stormglass.raft.kv;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Values by key, in key order for what is iterated (ranges, compaction, snapshots) and by hash for the
 * point lookups of every write: the same values held by a tree and by a hash map. The hash map is never
 * iterated, so it cannot leak an order. A write to an existing key walks no tree: those walks of string
 * comparisons were a fifth of a write-heavy store's time (issue 23).
 *
 * @param <V> the value, which a caller changes in place (a key's history, a key's current key-value cell)
 */
final class HashedTree<V> {
    private final NavigableMap<String, V> tree = new TreeMap<>();
    private final NavigableMap<String, V> ordered = Collections.unmodifiableNavigableMap(tree);
    private final Map<String, V> byKey = new HashMap<>();

    /** The key's value, or null. */
    V get(String key) {
        return byKey.get(key);
    }

    /** The key's value, created by {@code create} and added if the key has none. */
    V computeIfAbsent(String key, Function<String, V> create) {
        V value = byKey.get(key);
        if (value == null) {
            value = create.apply(key);
            byKey.put(key, value);
            tree.put(key, value);
        }
        return value;
    }

    /** Removes the key; returns its value, or null if it had none. */
    V remove(String key) {
        V value = byKey.remove(key);
        if (value != null) {
            tree.remove(key);
        }
        return value;
    }

    boolean containsKey(String key) {
        return byKey.containsKey(key);
    }

    int size() {
        return byKey.size();
    }

    void clear() {
        tree.clear();
        byKey.clear();
    }

    /** A read-only view in key order; changes go through this class, which keeps both maps together. */
    NavigableMap<String, V> ordered() {
        return ordered;
    }
}
