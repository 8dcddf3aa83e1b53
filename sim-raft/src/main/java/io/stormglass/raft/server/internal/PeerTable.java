package io.stormglass.raft.server.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A value per peer id, for lookups on every Raft message: ids kept in ascending order in an array
 * and scanned. A member has a handful of peers, so this beats a {@code TreeMap<Integer, V>} (no
 * boxing, no tree walk) and iterates in the same order.
 */
final class PeerTable<V> {
    private int[] ids = new int[4];
    private Object[] values = new Object[4];
    private int size;

    /** The value of {@code peer}, or null. */
    @SuppressWarnings("unchecked")
    V get(int peer) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == peer) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Sets the value of {@code peer}, adding it in id order if new. */
    void put(int peer, V value) {
        int at = 0;
        while (at < size && ids[at] < peer) {
            at++;
        }
        if (at < size && ids[at] == peer) {
            values[at] = value;
            return;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        ids[at] = peer;
        values[at] = value;
        size++;
    }

    /** Forgets every peer. */
    void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    /** Every value, in ascending peer id. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super V> action) {
        for (int i = 0; i < size; i++) {
            action.accept((V) values[i]);
        }
    }
}
