package io.stormglass.net.internal;

import io.stormglass.engine.net.TrafficClass;

/** One message on its way: what was sent, when, and the state it picked up on the path. */
final class Frame<M> {
    final Link link;
    final Connection<M> connection;
    final M message;
    final TrafficClass trafficClass;
    final long bits;
    final long sentAtNanos;
    final long clogNanos;
    final long linkEpoch;

    Frame(Link link, Connection<M> connection, M message, TrafficClass trafficClass, long bits,
          long sentAtNanos, long clogNanos) {
        this.link = link;
        this.connection = connection;
        this.message = message;
        this.trafficClass = trafficClass;
        this.bits = bits;
        this.sentAtNanos = sentAtNanos;
        this.clogNanos = clogNanos;
        this.linkEpoch = link.epoch();
    }
}
