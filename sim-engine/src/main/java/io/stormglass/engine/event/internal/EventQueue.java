package io.stormglass.engine.event.internal;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, sequence): a timing wheel for the near future in front of a
 * 4-ary heap ({@link FarHeap}) for the rest (Varghese and Lauck, "Hashed and hierarchical timing
 * wheels", SOSP 1987). Most events of a run are near: a CPU step, a disk completion, a packet a
 * few microseconds to milliseconds ahead; those cost O(1) to add and to take here instead of a walk
 * down a heap. Timers further out (heartbeats, ticks, workload phases) wait in the heap.
 *
 * <p>The wheel has {@value #SLOTS} slots of 2<sup>{@value #SLOT_SHIFT}</sup> ns, and covers the
 * span from {@code base} (the start of the slot of the last time popped) for one turn. An event
 * inside the span goes to its slot's list, kept sorted by (time, sequence): a new event sorts
 * after every event of its time already there, because its sequence is the largest yet, so the
 * common case is an append. An event beyond the span goes to the heap and stays there; the next
 * event is the earlier of the wheel's first and the heap's first, compared exactly, so the order is
 * exactly that of one heap ordered by (time, sequence), and replacing one by the other changes no
 * run's events. A bitmap of non-empty slots finds the wheel's first in a few word scans.
 *
 * <p>Each entry is a time in nanoseconds and the insertion sequence packed with a payload slot
 * ({@code sequence << SLOT_BITS | slot}). Times pushed must be at least the last time popped, as a
 * simulation's are; {@link #peekTime()} changes nothing, so a caller may look at the next time,
 * not run it, and still schedule earlier events. No allocation per event: list nodes are recycled.
 */
public final class EventQueue {
    /** Bits of the packed word that hold the payload slot. */
    public static final int SLOT_BITS = 24;
    /** Largest number of events that can be pending at once. */
    public static final int MAX_SLOTS = 1 << SLOT_BITS;
    /** Largest insertion sequence number that can be packed. */
    public static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;

    private static final long SLOT_MASK = MAX_SLOTS - 1;
    /** Width of a wheel slot: 2^8 ns = 256 ns, so that events microseconds apart rarely share a list. */
    static final int SLOT_SHIFT = 8;
    /**
     * Wheel slots: 4 096 of 256 ns, a span of about 1.05 ms, which holds the CPU steps, disk completions
     * and packets (a run's deliveries and completions are mostly under a millisecond ahead), while timers
     * wait in the heap. The wheel's arrays are 32 KB and stay in the core's caches: a wheel of 65 536
     * slots (16.8 ms, 512 KB) missed them on most pushes and cost every one of a sweep's thousands of
     * short simulations half a megabyte to fill (issue 23).
     */
    static final int SLOTS = 1 << 12;
    private static final int WHEEL_MASK = SLOTS - 1;
    /** How far past the last popped event's slot the wheel reaches: events beyond wait in the heap. */
    public static final long SPAN_NANOS = (long) SLOTS << SLOT_SHIFT;
    private static final int NONE = -1;

    private final FarHeap heap;
    private final int[] heads = new int[SLOTS];
    private final int[] tails = new int[SLOTS];
    private final long[] occupied = new long[SLOTS / 64];
    private long[] nodeTimes;
    private long[] nodeOrders;
    private int[] nodeNext;
    private int freeNode = NONE;
    private int nodesUsed;
    private int wheelSize;
    /** Start of the slot of the last time popped; every event on the wheel lies in [base, base + span). */
    private long base;
    private int cursor;
    /** The wheel slot holding the next event, or NONE if the heap holds it; valid until the next push or pop. */
    private int nextSlot;
    private boolean nextKnown;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heap = new FarHeap(capacity / 4);
        nodeTimes = new long[capacity];
        nodeOrders = new long[capacity];
        nodeNext = new int[capacity];
        Arrays.fill(heads, NONE);
        Arrays.fill(tails, NONE);
    }

    public int size() {
        return wheelSize + heap.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Adds an entry; {@code sequence} must grow strictly with every call, and {@code timeNanos} must
     * be at least the last time popped.
     */
    public void push(long timeNanos, long sequence, int slot) {
        if (timeNanos < base) {
            throw new IllegalArgumentException("time " + timeNanos + " ns is before the last popped event's slot, " + base + " ns");
        }
        long order = (sequence << SLOT_BITS) | slot;
        nextKnown = false;
        if (timeNanos - base >= SPAN_NANOS) {
            heap.push(timeNanos, order);
            return;
        }
        int node = allocateNode(timeNanos, order);
        int s = (int) (timeNanos >>> SLOT_SHIFT) & WHEEL_MASK;
        int tail = tails[s];
        if (tail == NONE) {
            heads[s] = node;
            tails[s] = node;
            occupied[s >>> 6] |= 1L << s;
        } else if (nodeTimes[tail] <= timeNanos) {
            nodeNext[tail] = node;
            tails[s] = node;
        } else {
            insertSorted(s, node, timeNanos);
        }
        wheelSize++;
    }

    /** Time of the earliest entry; the queue must not be empty. Changes nothing. */
    public long peekTime() {
        locateNext();
        return nextSlot == NONE ? heap.peekTime() : nodeTimes[heads[nextSlot]];
    }

    /** Slot of the earliest entry; the queue must not be empty. */
    public int peekSlot() {
        locateNext();
        long order = nextSlot == NONE ? heap.peekOrder() : nodeOrders[heads[nextSlot]];
        return (int) (order & SLOT_MASK);
    }

    /** Removes the earliest entry; the queue must not be empty. */
    public void pop() {
        locateNext();
        long time;
        if (nextSlot == NONE) {
            time = heap.peekTime();
            heap.pop();
        } else {
            int s = nextSlot;
            int node = heads[s];
            time = nodeTimes[node];
            int next = nodeNext[node];
            heads[s] = next;
            if (next == NONE) {
                tails[s] = NONE;
                occupied[s >>> 6] &= ~(1L << s);
            }
            nodeNext[node] = freeNode;
            freeNode = node;
            wheelSize--;
        }
        // the wheel now starts at the popped time's slot: everything on it is at or after that time
        base = time & -(1L << SLOT_SHIFT);
        cursor = (int) (time >>> SLOT_SHIFT) & WHEEL_MASK;
        nextKnown = false;
    }

    /** Decides whether the wheel or the heap holds the next event. */
    private void locateNext() {
        if (nextKnown) {
            return;
        }
        int s = wheelSize == 0 ? NONE : firstOccupied();
        if (s != NONE && heap.size() > 0) {
            int node = heads[s];
            long wt = nodeTimes[node];
            long ht = heap.peekTime();
            if (ht < wt || (ht == wt && heap.peekOrder() < nodeOrders[node])) {
                s = NONE;
            }
        }
        nextSlot = s;
        nextKnown = true;
    }

    /** The first non-empty slot at or after the cursor, going round once: the earliest on the wheel. */
    private int firstOccupied() {
        int word = cursor >>> 6;
        long bits = occupied[word] & (-1L << cursor);
        int words = occupied.length;
        for (int scanned = 0; scanned <= words; scanned++) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            word = (word + 1) & (words - 1);
            bits = occupied[word];
        }
        throw new IllegalStateException("the wheel counts events but no slot holds one");
    }

    /** Links {@code node} into slot {@code s} after every entry at or before {@code timeNanos}. */
    private void insertSorted(int s, int node, long timeNanos) {
        int prev = NONE;
        int cur = heads[s];
        while (cur != NONE && nodeTimes[cur] <= timeNanos) {
            prev = cur;
            cur = nodeNext[cur];
        }
        nodeNext[node] = cur;
        if (prev == NONE) {
            heads[s] = node;
        } else {
            nodeNext[prev] = node;
        }
    }

    private int allocateNode(long timeNanos, long order) {
        int node = freeNode;
        if (node != NONE) {
            freeNode = nodeNext[node];
        } else {
            if (nodesUsed == nodeTimes.length) {
                int capacity = nodesUsed * 2;
                nodeTimes = Arrays.copyOf(nodeTimes, capacity);
                nodeOrders = Arrays.copyOf(nodeOrders, capacity);
                nodeNext = Arrays.copyOf(nodeNext, capacity);
            }
            node = nodesUsed++;
        }
        nodeTimes[node] = timeNanos;
        nodeOrders[node] = order;
        nodeNext[node] = NONE;
        return node;
    }
}
