package io.stormglass.net.internal;

import java.util.Arrays;

/**
 * The busy connections of one NIC in ascending order of {@link Connection#key}: the order a
 * {@code TreeMap<String, Connection>} iterates them in, which every NIC computation follows (the
 * order of floating-point additions to a link's served bits, the order finished frames leave in).
 * An array kept sorted on insertion: a NIC has a handful of busy connections, and iterating or
 * compacting them allocates nothing.
 */
final class BusyConnections<M> {
    private Connection<M>[] items = newArray(8);
    private int size;

    int size() {
        return size;
    }

    /** The {@code i}-th busy connection in key order, {@code 0 <= i < size()}. */
    Connection<M> get(int i) {
        return items[i];
    }

    /** Adds {@code c} at its place in key order; a connection already present is kept once. */
    void add(Connection<M> c) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = items[mid].key.compareTo(c.key);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                items[mid] = c;
                return;
            }
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        System.arraycopy(items, lo, items, lo + 1, size - lo);
        items[lo] = c;
        size++;
    }

    /** Removes every idle connection, keeping the others in key order. */
    void removeIdle() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Connection<M> c = items[i];
            if (!c.isIdle()) {
                items[kept++] = c;
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
    }

    @SuppressWarnings("unchecked")
    private static <M> Connection<M>[] newArray(int length) {
        return (Connection<M>[]) new Connection<?>[length];
    }
}
