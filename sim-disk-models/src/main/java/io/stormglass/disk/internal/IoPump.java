package io.stormglass.disk.internal;

import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;

/**
 * Streams {@code totalBytes} to or from a device as sequential requests of {@code ioBytes}
 * within a region (wrapping at its end), keeping at most {@code maxInFlight} outstanding, then
 * optionally a FLUSH, then runs {@code done}. This is what kernel writeback of a large dirty
 * file (or a sequential reader) looks like to a block device.
 */
public final class IoPump implements IoCallback {
    /** Where and how a pump issues its I/O. */
    public record Plan(String issuer, IoOp op, long regionOffsetBytes, long regionBytes, long ioBytes,
            int maxInFlight, boolean flushAtEnd) {
        public Plan {
            if (ioBytes <= 0 || maxInFlight < 1 || regionBytes < ioBytes) {
                throw new IllegalArgumentException("bad pump plan: io " + ioBytes + " B, in flight " + maxInFlight
                        + ", region " + regionBytes + " B");
            }
        }
    }

    private final BlockDevice device;
    private final Plan plan;
    private final Runnable done;
    private long remainingBytes;
    private long cursor;
    private int inFlight;
    private long submitted;

    private IoPump(BlockDevice device, Plan plan, long startOffsetBytes, long totalBytes, Runnable done) {
        this.device = device;
        this.plan = plan;
        this.done = done;
        this.remainingBytes = totalBytes;
        this.cursor = Math.floorMod(startOffsetBytes, plan.regionBytes());
    }

    /**
     * Starts a pump; returns the region-relative offset just past the last byte it will touch, so a
     * caller can continue sequentially.
     */
    public static long start(BlockDevice device, Plan plan, long startOffsetBytes, long totalBytes, Runnable done) {
        IoPump pump = new IoPump(device, plan, startOffsetBytes, totalBytes, done);
        long end = Math.floorMod(startOffsetBytes + totalBytes, plan.regionBytes());
        pump.fill();
        return end;
    }

    /** Requests issued so far (flush included). */
    public long submitted() {
        return submitted;
    }

    private void fill() {
        if (remainingBytes == 0 && inFlight == 0) {
            finish();
            return;
        }
        while (remainingBytes > 0 && inFlight < plan.maxInFlight()) {
            long len = Math.min(plan.ioBytes(), remainingBytes);
            if (cursor + len > plan.regionBytes()) {
                cursor = 0;
            }
            long offset = plan.regionOffsetBytes() + cursor;
            cursor += len;
            remainingBytes -= len;
            inFlight++;
            submitted++;
            device.submit(new IoRequest(plan.issuer(), plan.op(), offset, len), this);
        }
    }

    /** One request of the stream completed (the pump is every request's callback, issue 23). */
    @Override
    public void onComplete(IoResult result) {
        onComplete(result.status(), result.submittedAtNanos(), result.completedAtNanos());
    }

    @Override
    public void onComplete(IoStatus status, long submittedAtNanos, long completedAtNanos) {
        inFlight--;
        fill();
    }

    private void finish() {
        if (plan.flushAtEnd()) {
            submitted++;
            device.submit(IoRequest.flush(plan.issuer()), result -> done.run());
        } else {
            done.run();
        }
    }
}
