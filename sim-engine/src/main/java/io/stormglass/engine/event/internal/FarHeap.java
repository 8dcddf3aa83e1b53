package io.stormglass.engine.event.internal;

import java.util.Arrays;

/**
 * A 4-ary min-heap of (time, order) pairs over two primitive arrays: the far-future half of the
 * {@link EventQueue}. Four children per node halve the depth of a binary heap, and siblings sit
 * next to each other in memory. {@code order} is the packed (sequence, slot) word, so comparing
 * pairs compares (time, sequence) and the order is total.
 */
final class FarHeap {
    private long[] times;
    private long[] orders;
    private int size;

    FarHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        orders = new long[capacity];
    }

    int size() {
        return size;
    }

    void push(long timeNanos, long order) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            orders = Arrays.copyOf(orders, size * 2);
        }
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

    /** Time of the earliest pair; the heap must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** Order word of the earliest pair; the heap must not be empty. */
    long peekOrder() {
        return orders[0];
    }

    /** Removes the earliest pair; the heap must not be empty. */
    void pop() {
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
}
