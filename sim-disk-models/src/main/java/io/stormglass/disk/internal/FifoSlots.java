package io.stormglass.disk.internal;

import java.util.ArrayDeque;

/**
 * A counting semaphore with FIFO hand-off: at most {@code slots} holders at once, waiters served
 * strictly in arrival order. Models a bounded queue depth (a guest's virtio queue, a block
 * layer's request tags, a writeback's in-flight limit).
 */
public final class FifoSlots {
    private final int slots;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int held;

    public FifoSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one slot required: " + slots);
        }
        this.slots = slots;
    }

    /** Runs {@code granted} as soon as a slot is free: inline if one is free now and nobody waits. */
    public void acquire(Runnable granted) {
        if (held < slots && waiting.isEmpty()) {
            held++;
            granted.run();
        } else {
            waiting.addLast(granted);
        }
    }

    /** Frees a slot; the longest waiter, if any, takes it and runs inline. */
    public void release() {
        Runnable next = waiting.pollFirst();
        if (next != null) {
            next.run();
        } else {
            held--;
        }
    }

    public int held() {
        return held;
    }

    public int waiting() {
        return waiting.size();
    }
}
