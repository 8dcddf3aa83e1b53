package io.stormglass.raft.wal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;

/** A zero-latency device whose flushes fail with EIO while {@link #failFlushes} is set. */
final class FailingDevice implements BlockDevice {
    private static final EventKind COMPLETE = EventKind.named("test.failing.complete");
    private final Scheduler scheduler;
    boolean failFlushes;

    FailingDevice(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long now = scheduler.nowNanos();
        IoStatus status = failFlushes && request.op() == IoOp.FLUSH ? IoStatus.EIO : IoStatus.OK;
        scheduler.schedule(0, COMPLETE, 0, () -> callback.onComplete(new IoResult(status, now, now)));
    }
}
