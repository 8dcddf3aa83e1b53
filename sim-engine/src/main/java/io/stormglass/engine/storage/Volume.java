package io.stormglass.engine.storage;

import io.stormglass.engine.event.Clock;

/**
 * What the files of one {@link SimFileSystem} share: the device and the issuer name their I/O goes
 * out under, the clock that stamps sync requests, the region of the device their extents are
 * allocated from (in allocation order, wrapping at the region's end), the capacity their bytes
 * count against, the crash epoch that abandons in-flight syncs, and the count of completed syncs.
 */
final class Volume {
    private final Clock clock;
    private final BlockDevice device;
    private final String issuer;
    private final long regionOffsetBytes;
    private final long regionBytes;
    private final long extentBytes;
    private final long capacityBytes;
    private long nextExtentOffset;
    private long bytesUsed;
    private int crashEpoch;
    private long syncsCompleted;

    Volume(Clock clock, BlockDevice device, String issuer, long regionOffsetBytes, long regionBytes, long extentBytes,
            long capacityBytes) {
        this.clock = clock;
        this.device = device;
        this.issuer = issuer;
        this.regionOffsetBytes = regionOffsetBytes;
        this.regionBytes = regionBytes;
        this.extentBytes = extentBytes;
        this.capacityBytes = capacityBytes;
    }

    Clock clock() {
        return clock;
    }

    BlockDevice device() {
        return device;
    }

    String issuer() {
        return issuer;
    }

    /** The allocation unit of files, a multiple of {@link SimFileSystem#PAGE_BYTES}. */
    long extentBytes() {
        return extentBytes;
    }

    /** Device offset of a new extent: the next one of the region, wrapping (timing only: contents are kept per file). */
    long allocateExtent() {
        long offset = nextExtentOffset;
        if (offset + extentBytes > regionBytes) {
            offset = 0; // wrap: timing only, contents are kept per file
            nextExtentOffset = 0;
        }
        nextExtentOffset = offset + extentBytes;
        return regionOffsetBytes + offset;
    }

    /** Whether files may grow by {@code growthBytes} more without exceeding the capacity. */
    boolean fits(long growthBytes) {
        return bytesUsed + growthBytes <= capacityBytes;
    }

    /** Files grew by {@code deltaBytes} (negative: shrank). */
    void resized(long deltaBytes) {
        bytesUsed += deltaBytes;
    }

    long bytesUsed() {
        return bytesUsed;
    }

    /** Power loss: syncs started before it never complete, and the files' sizes are counted again. */
    void crashed() {
        crashEpoch++;
        bytesUsed = 0;
    }

    /** Changes with every crash: a completion from an earlier epoch belongs to an abandoned sync. */
    int crashEpoch() {
        return crashEpoch;
    }

    void syncCompleted() {
        syncsCompleted++;
    }

    long syncsCompleted() {
        return syncsCompleted;
    }
}
