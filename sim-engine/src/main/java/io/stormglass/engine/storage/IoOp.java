package io.stormglass.engine.storage;

/** The operations a block device serves. */
public enum IoOp {
    /** Read {@code lengthBytes} at {@code offsetBytes}. */
    READ,
    /** Write {@code lengthBytes} at {@code offsetBytes}; volatile (may sit in a device cache) until a FLUSH completes. */
    WRITE,
    /** Make every write completed before this request was submitted durable (a cache flush / FUA barrier). */
    FLUSH
}
