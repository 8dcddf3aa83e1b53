package io.stormglass.net;

/** How a link orders the messages of one connection. */
public enum Ordering {
    /**
     * TCP-like: a message never overtakes an earlier one on the same connection. Its delivery
     * time is {@code max(drawn arrival, arrival of the previous message on that connection)},
     * so jitter delays later messages instead of reordering them (head-of-line blocking).
     */
    FIFO,
    /** UDP-like: every message arrives after its own drawn latency, so jitter reorders. */
    DATAGRAM
}
