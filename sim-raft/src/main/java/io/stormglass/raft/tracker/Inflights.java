package io.stormglass.raft.tracker;

import java.util.ArrayDeque;

/**
 * The appends sent to one follower and not yet acknowledged, bounded in count
 * ({@code max-inflight-msgs}) and optionally in bytes (etcd-io/raft {@code tracker.Inflights}).
 * Indexes are added in increasing order; an acknowledgement frees every message up to its index.
 */
public final class Inflights {
    private record Inflight(long lastIndex, long bytes) {
    }

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<Inflight> queue = new ArrayDeque<>();
    private long bytes;

    /**
     * @param capacity most unacknowledged appends, > 0
     * @param maxBytes most unacknowledged payload bytes, 0 for no limit
     */
    public Inflights(int capacity, long maxBytes) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** Records an append whose last entry is {@code lastIndex}, carrying {@code payloadBytes}. */
    public void add(long lastIndex, long payloadBytes) {
        if (full()) {
            throw new IllegalStateException("cannot add into a full inflights window");
        }
        if (!queue.isEmpty() && queue.peekLast().lastIndex() >= lastIndex) {
            throw new IllegalArgumentException("inflight index " + lastIndex + " not after " + queue.peekLast().lastIndex());
        }
        queue.addLast(new Inflight(lastIndex, payloadBytes));
        bytes += payloadBytes;
    }

    /** Frees every append whose last index is {@code <= index}. */
    public void freeLE(long index) {
        while (!queue.isEmpty() && queue.peekFirst().lastIndex() <= index) {
            bytes -= queue.pollFirst().bytes();
        }
    }

    /** Whether no further append may be sent. */
    public boolean full() {
        return queue.size() >= capacity || (maxBytes > 0 && bytes >= maxBytes);
    }

    public int count() {
        return queue.size();
    }

    public void reset() {
        queue.clear();
        bytes = 0;
    }
}
