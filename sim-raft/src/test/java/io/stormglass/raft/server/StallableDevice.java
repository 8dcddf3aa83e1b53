package io.stormglass.raft.server;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;

/**
 * A test device: writes take {@code writeNanos}, flushes {@code flushNanos}; a flush submitted
 * during a stall window completes only when the window ends (a device that stops answering).
 */
final class StallableDevice implements BlockDevice {
    private static final EventKind DONE = EventKind.named("test.device.done");
    private final Scheduler scheduler;
    private final long writeNanos;
    private final long flushNanos;
    private long stallFromNanos = -1;
    private long stallUntilNanos = -1;
    IoStatus flushStatus = IoStatus.OK;

    StallableDevice(Scheduler scheduler, long writeNanos, long flushNanos) {
        this.scheduler = scheduler;
        this.writeNanos = writeNanos;
        this.flushNanos = flushNanos;
    }

    void stall(long fromNanos, long durationNanos) {
        stallFromNanos = fromNanos;
        stallUntilNanos = fromNanos + durationNanos;
    }

    @Override
    public String name() {
        return "stallable";
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long now = scheduler.nowNanos();
        long done = now + (request.op() == IoOp.FLUSH ? flushNanos : writeNanos);
        if (request.op() == IoOp.FLUSH && now >= stallFromNanos && now < stallUntilNanos) {
            done = Math.max(done, stallUntilNanos);
        }
        IoStatus status = request.op() == IoOp.FLUSH ? flushStatus : IoStatus.OK;
        scheduler.scheduleAt(done, DONE, 0, () -> callback.onComplete(new IoResult(status, now, scheduler.nowNanos())));
    }
}
