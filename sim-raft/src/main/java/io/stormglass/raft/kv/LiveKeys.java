package io.stormglass.raft.kv;

import java.util.List;

/**
 * The current key-value of every live key: one cell per key in a {@link HashedTree}, so that a write to an
 * existing key finds its cell by hash and ranges and deletes read the keys in order.
 */
final class LiveKeys {
    /** A key's current key-value, changed in place by a write. */
    private static final class Cell {
        KeyValue kv;
    }

    private final HashedTree<Cell> cells = new HashedTree<>();

    /** The key's current key-value, or null. */
    KeyValue get(String key) {
        Cell c = cells.get(key);
        return c == null ? null : c.kv;
    }

    boolean contains(String key) {
        return cells.containsKey(key);
    }

    int size() {
        return cells.size();
    }

    /** Sets the key's key-value (not null). */
    void put(String key, KeyValue kv) {
        cells.computeIfAbsent(key, k -> new Cell()).kv = kv;
    }

    /** Removes the key; returns its key-value, or null if it was not live. */
    KeyValue remove(String key) {
        Cell c = cells.remove(key);
        return c == null ? null : c.kv;
    }

    void clear() {
        cells.clear();
    }

    /**
     * The key-values of the keys in {@code [from, to)} in key order, at most {@code limit} of them (0 for all),
     * added to {@code out}; {@code to} must sort after {@code from}.
     */
    void addRange(String from, String to, int limit, List<KeyValue> out) {
        int added = 0;
        for (Cell c : cells.ordered().subMap(from, true, to, false).values()) {
            out.add(c.kv);
            if (++added == limit) {
                return;
            }
        }
    }

    /** The keys in {@code [from, to)} in key order, added to {@code out}; {@code to} must sort after {@code from}. */
    void addKeys(String from, String to, List<String> out) {
        out.addAll(cells.ordered().subMap(from, true, to, false).keySet());
    }
}
