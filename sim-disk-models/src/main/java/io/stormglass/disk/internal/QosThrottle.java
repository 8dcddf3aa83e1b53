package io.stormglass.disk.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;

/**
 * An IOPS bucket followed by a bytes-per-second bucket, each FIFO, either absent when its limit is
 * zero. A request passes the IOPS bucket first and then the bytes bucket, as librbd chains its
 * per-type throttles.
 */
public final class QosThrottle {
    private final TokenBucket iops;
    private final TokenBucket bytes;
    private final long ioUnitBytes;

    /**
     * @param iopsPerSecond  0 for no IOPS limit
     * @param iopsCapacity   IOPS bucket size (burst)
     * @param bytesPerSecond 0 for no throughput limit
     * @param bytesCapacity  bytes bucket size (burst)
     * @param ioUnitBytes    an I/O costs {@code ceil(length / ioUnitBytes)} IOPS tokens (at least one); 0 to
     *                       count every request as one
     */
    public QosThrottle(Scheduler scheduler, EventKind kind, long key, double iopsPerSecond, double iopsCapacity,
            double bytesPerSecond, double bytesCapacity, long tickNanos, long ioUnitBytes) {
        this.iops = iopsPerSecond > 0
                ? new TokenBucket(scheduler, kind, key, iopsPerSecond, iopsCapacity, tickNanos) : null;
        this.bytes = bytesPerSecond > 0
                ? new TokenBucket(scheduler, kind, key + 1, bytesPerSecond, bytesCapacity, tickNanos) : null;
        this.ioUnitBytes = ioUnitBytes;
    }

    /** Runs {@code granted} once the request of {@code lengthBytes} has passed both buckets. */
    public void pass(long lengthBytes, Runnable granted) {
        Runnable afterIops = bytes == null ? granted : () -> bytes.acquire(lengthBytes, granted);
        if (iops == null) {
            afterIops.run();
        } else {
            long cost = ioUnitBytes <= 0 ? 1 : Math.max(1, (lengthBytes + ioUnitBytes - 1) / ioUnitBytes);
            iops.acquire(cost, afterIops);
        }
    }

    /** Requests waiting in either bucket. */
    public int waiting() {
        return (iops == null ? 0 : iops.waiting()) + (bytes == null ? 0 : bytes.waiting());
    }

    /** Requests that have passed the IOPS bucket so far; 0 when there is no IOPS limit. */
    public long iopsGranted() {
        return iops == null ? 0 : iops.granted();
    }
}
