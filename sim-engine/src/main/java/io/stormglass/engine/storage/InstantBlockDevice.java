package io.stormglass.engine.storage;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;

/** A zero-latency device for tests: every request completes OK at the instant it was submitted (as a later event). */
public final class InstantBlockDevice implements BlockDevice {
    private static final EventKind COMPLETE = EventKind.named("disk.instant.complete");

    private final Scheduler scheduler;
    private final String name;
    private long completed;

    public InstantBlockDevice(Scheduler scheduler, String name) {
        this.scheduler = scheduler;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long now = scheduler.nowNanos();
        scheduler.schedule(0, COMPLETE, request.op().ordinal(), () -> {
            completed++;
            callback.onComplete(new IoResult(IoStatus.OK, now, now));
        });
    }

    /** Requests completed so far. */
    public long completedRequests() {
        return completed;
    }
}
