package io.stormglass.engine.event.internal;

/**
 * A 4-ary min-heap of pending events over primitive arrays, ordered by (time, sequence).
 * Four children per node halve the depth of a binary heap, so a pop walks about seven levels
 * for ten thousand pending events, and siblings sit next to each other in memory.
 *
 * <p>Each entry is two longs: the event time in nanoseconds, and the insertion sequence packed
 * with a payload slot ({@code sequence << SLOT_BITS | slot}). Because the sequence sits in the
 * high bits, comparing the packed words compares sequences, so ties on time break in insertion
 * order and the order is total. Comparisons touch only these two arrays, which keeps the hot
 * loop free of pointer chasing and boxing.
 */
public final class EventQueue {
    /** Bits of the packed word that hold the payload slot. */
    public static final int SLOT_BITS = 24;
    /** Largest number of events that can be pending at once. */
    public static final int MAX_SLOTS = 1 << SLOT_BITS;
    /** Largest insertion sequence number that can be packed. */
    public static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;

    private static final long SLOT_MASK = MAX_SLOTS - 1;

    private long[] times;
    private long[] orders;
    private int size;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        orders = new long[capacity];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds an entry; {@code sequence} must grow strictly with every call. */
    public void push(long timeNanos, long sequence, int slot) {
        if (size == times.length) {
            grow();
        }
        long order = (sequence << SLOT_BITS) | slot;
        int i = size++;
        long[] t = times;
        long[] o = orders;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = t[parent];
            if (pt < timeNanos || (pt == timeNanos && o[parent] < order)) {
                break;
            }
            t[i] = pt;
            o[i] = o[parent];
            i = parent;
        }
        t[i] = timeNanos;
        o[i] = order;
    }

    /** Time of the earliest entry; the queue must not be empty. */
    public long peekTime() {
        return times[0];
    }

    /** Slot of the earliest entry; the queue must not be empty. */
    public int peekSlot() {
        return (int) (orders[0] & SLOT_MASK);
    }

    /** Removes the earliest entry; the queue must not be empty. */
    public void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        long[] t = times;
        long[] o = orders;
        long time = t[last];
        long order = o[last];
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= last) {
                break;
            }
            int best = first;
            long bt = t[first];
            long bo = o[first];
            int end = Math.min(first + 4, last);
            for (int c = first + 1; c < end; c++) {
                long ct = t[c];
                if (ct < bt || (ct == bt && o[c] < bo)) {
                    best = c;
                    bt = ct;
                    bo = o[c];
                }
            }
            if (time < bt || (time == bt && order < bo)) {
                break;
            }
            t[i] = bt;
            o[i] = bo;
            i = best;
        }
        t[i] = time;
        o[i] = order;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        orders = java.util.Arrays.copyOf(orders, capacity);
    }
}
