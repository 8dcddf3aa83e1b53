package io.stormglass.engine.net;

/** What a transport needs to know about a message type: its size on the wire and its class. */
public interface MessageTraits<M> {
    /** Encoded size in bytes, headers included (a long: a database snapshot may pass 2 GiB). */
    long sizeBytes(M message);

    TrafficClass trafficClass(M message);
}
