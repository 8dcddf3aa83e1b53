package io.stormglass.net.internal;

import java.util.Arrays;

/**
 * A hash table from {@code long} keys to values, with open addressing: a lookup on the message
 * path boxes nothing and allocates nothing. It is never iterated, so its layout cannot leak into
 * a run's order of events. A key, once put, stays; putting {@code null} clears its value.
 */
final class LongTable<V> {
    private long[] keys = new long[16];
    private V[] values = newArray(16);
    private boolean[] used = new boolean[16];
    private int size;

    /** The value of {@code key}, or null. */
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    void put(long key, V value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads consecutive node ids
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        V[] oldValues = values;
        boolean[] oldUsed = used;
        int length = oldKeys.length * 2;
        keys = new long[length];
        values = newArray(length);
        used = new boolean[length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldValues, null);
    }

    @SuppressWarnings("unchecked")
    private static <V> V[] newArray(int length) {
        return (V[]) new Object[length];
    }
}
