package io.stormglass.net.internal;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.net.TrafficClass;

/**
 * One message on its way: what was sent, when, and the state it picked up on the path. Once on
 * the wire it is its own delivery event, so a message allocates no action of its own; a
 * duplicate is put on the wire as a {@link #copy()}, with its own corruption draw.
 */
final class Frame<M> implements EventAction {
    /** Where a frame goes when its delivery event fires. */
    @FunctionalInterface
    interface Arrival<M> {
        void arrive(Frame<M> frame);
    }

    final Link link;
    final Connection<M> connection;
    final M message;
    final TrafficClass trafficClass;
    final long bits;
    final long sentAtNanos;
    final long clogNanos;
    final long linkEpoch;
    private final Arrival<M> arrival;
    /** Drawn when the frame is put on the wire: damaged on the way, dropped by the receiver's checksum. */
    boolean corrupt;

    Frame(Link link, Connection<M> connection, M message, TrafficClass trafficClass, long bits,
          long sentAtNanos, long clogNanos, Arrival<M> arrival) {
        this(link, connection, message, trafficClass, bits, sentAtNanos, clogNanos, link.epoch(), arrival);
    }

    private Frame(Link link, Connection<M> connection, M message, TrafficClass trafficClass, long bits,
          long sentAtNanos, long clogNanos, long linkEpoch, Arrival<M> arrival) {
        this.link = link;
        this.connection = connection;
        this.message = message;
        this.trafficClass = trafficClass;
        this.bits = bits;
        this.sentAtNanos = sentAtNanos;
        this.clogNanos = clogNanos;
        this.linkEpoch = linkEpoch;
        this.arrival = arrival;
    }

    /** A second frame for the same message, sent in the same link epoch (a duplicate on the wire). */
    Frame<M> copy() {
        return new Frame<>(link, connection, message, trafficClass, bits, sentAtNanos, clogNanos, linkEpoch, arrival);
    }

    @Override
    public void fire() {
        arrival.arrive(this);
    }
}
