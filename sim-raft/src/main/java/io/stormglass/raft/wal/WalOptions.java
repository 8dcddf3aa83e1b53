package io.stormglass.raft.wal;

/**
 * WAL settings.
 *
 * @param segmentSizeBytes a segment is cut once a save leaves it at least this large (a soft
 *                         limit: one save never spans two segments); default 64 MiB, the size of
 *                         etcd's {@code wal.SegmentSizeBytes} ("64MB", {@code 64 * 1000 * 1000})
 *                         rounded to the binary unit the project uses
 */
public record WalOptions(long segmentSizeBytes) {
    /** Default segment size: 64 MiB. */
    public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;

    public WalOptions {
        if (segmentSizeBytes < 4096) {
            throw new IllegalArgumentException("segmentSizeBytes must be at least 4096: " + segmentSizeBytes);
        }
    }

    public static WalOptions defaults() {
        return new WalOptions(DEFAULT_SEGMENT_SIZE_BYTES);
    }
}
