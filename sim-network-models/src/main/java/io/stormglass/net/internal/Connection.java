package io.stormglass.net.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One connection on a link (etcd's "message" stream, "msgappv2" stream or snapshot post): a FIFO
 * queue at the sender's NIC whose head is being serialized, and the arrival time of the last
 * message put on the wire, which FIFO delivery must not undercut.
 */
final class Connection<M> {
    final Link link;
    final String name;
    final String key;
    private final ArrayDeque<Frame<M>> queue = new ArrayDeque<>();
    long lastArrivalNanos;
    private long arrivalEpoch;

    // serialization of the head frame, maintained by the NIC
    double headRemainingBits;
    double rateBitsPerSecond;
    long headFinishNanos;

    Connection(Link link, String name) {
        this.link = link;
        this.name = name;
        this.key = link.key() + "/" + name;
    }

    /**
     * Puts a frame drawn to arrive at {@code drawnArrivalNanos} behind the previous one:
     * {@link #lastArrivalNanos} becomes its FIFO arrival time. A cut of the link since the
     * previous frame means a new TCP connection, which owes nothing to the old one's frames.
     */
    void keepOrder(long linkEpoch, long drawnArrivalNanos) {
        if (linkEpoch != arrivalEpoch) {
            arrivalEpoch = linkEpoch;
            lastArrivalNanos = drawnArrivalNanos;
            return;
        }
        lastArrivalNanos = Math.max(lastArrivalNanos, drawnArrivalNanos);
    }

    boolean isIdle() {
        return queue.isEmpty();
    }

    Frame<M> head() {
        return queue.peekFirst();
    }

    /** Adds a frame; true if it is now the head (the connection was idle). */
    boolean enqueue(Frame<M> frame) {
        queue.addLast(frame);
        if (queue.size() == 1) {
            headRemainingBits = frame.bits;
            return true;
        }
        return false;
    }

    Frame<M> popHead() {
        Frame<M> done = queue.pollFirst();
        Frame<M> next = queue.peekFirst();
        headRemainingBits = next == null ? 0 : next.bits;
        return done;
    }

    int queuedFrames() {
        return queue.size();
    }

    /** Removes every queued frame matching {@code doomed}, the head included (its partial serialization is lost). */
    void removeIf(Predicate<Frame<M>> doomed, Consumer<Frame<M>> removed) {
        Frame<M> oldHead = queue.peekFirst();
        for (Iterator<Frame<M>> it = queue.iterator(); it.hasNext();) {
            Frame<M> f = it.next();
            if (doomed.test(f)) {
                it.remove();
                removed.accept(f);
            }
        }
        Frame<M> newHead = queue.peekFirst();
        if (newHead != oldHead) {
            headRemainingBits = newHead == null ? 0 : newHead.bits;
        }
    }
}
