package io.stormglass.raft.kv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The current key-value of every live key, in key order for ranges and by hash for the point lookups of
 * every write: each key has one cell, held by a tree (iterated, for ranges and deletes) and by a hash map
 * (looked up, never iterated, so it cannot leak an order). A write to an existing key updates its cell: no
 * walk of string comparisons down the tree, which was a fifth of a write-heavy store's time (issue 23).
 */
final class LiveKeys {
    /** A key's current key-value, shared by the two maps. */
    private static final class Cell {
        KeyValue kv;

        Cell(KeyValue kv) {
            this.kv = kv;
        }
    }

    private final NavigableMap<String, Cell> ordered = new TreeMap<>();
    private final Map<String, Cell> byKey = new HashMap<>();

    /** The key's current key-value, or null. */
    KeyValue get(String key) {
        Cell c = byKey.get(key);
        return c == null ? null : c.kv;
    }

    boolean contains(String key) {
        return byKey.containsKey(key);
    }

    int size() {
        return byKey.size();
    }

    /** Sets the key's key-value (not null); returns the previous one, or null if the key was not live. */
    KeyValue put(String key, KeyValue kv) {
        Cell c = byKey.get(key);
        if (c == null) {
            c = new Cell(kv);
            byKey.put(key, c);
            ordered.put(key, c);
            return null;
        }
        KeyValue prev = c.kv;
        c.kv = kv;
        return prev;
    }

    /** Removes the key; returns its key-value, or null if it was not live. */
    KeyValue remove(String key) {
        Cell c = byKey.remove(key);
        if (c == null) {
            return null;
        }
        ordered.remove(key);
        return c.kv;
    }

    void clear() {
        ordered.clear();
        byKey.clear();
    }

    /**
     * The key-values of the keys in {@code [from, to)} in key order, at most {@code limit} of them (0 for all),
     * added to {@code out}; {@code to} must sort after {@code from}.
     */
    void addRange(String from, String to, int limit, List<KeyValue> out) {
        int added = 0;
        for (Cell c : ordered.subMap(from, true, to, false).values()) {
            out.add(c.kv);
            if (++added == limit) {
                return;
            }
        }
    }

    /** The keys in {@code [from, to)} in key order, added to {@code out}; {@code to} must sort after {@code from}. */
    void addKeys(String from, String to, List<String> out) {
        out.addAll(ordered.subMap(from, true, to, false).keySet());
    }
}
