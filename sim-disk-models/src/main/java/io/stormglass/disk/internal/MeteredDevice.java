package io.stormglass.disk.internal;

import io.stormglass.disk.DiskMetrics;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;

/**
 * Base of every disk model: stamps submission, reports to {@link DiskMetrics}, and turns the
 * model's completion into an {@link IoResult}. Subclasses implement {@link #serve} and must
 * complete each request exactly once from a later event, never inline.
 */
public abstract class MeteredDevice implements BlockDevice {
    /** How a model reports that it finished serving a request (the engine's {@code exec.Completion} is a different idea: a value a task waits for). */
    @FunctionalInterface
    public interface ServiceDone {
        void complete(IoStatus status);
    }

    protected final Scheduler scheduler;
    private final String name;
    private final DiskMetrics metrics;

    protected MeteredDevice(Scheduler scheduler, String name, DiskMetrics metrics) {
        this.scheduler = scheduler;
        this.name = name;
        this.metrics = metrics;
    }

    @Override
    public final String name() {
        return name;
    }

    public final DiskMetrics metrics() {
        return metrics;
    }

    @Override
    public final void submit(IoRequest request, IoCallback callback) {
        long submittedAt = scheduler.nowNanos();
        metrics.submitted(request);
        serve(request, status -> {
            long now = scheduler.nowNanos();
            metrics.completed(request, now - submittedAt);
            callback.onComplete(new IoResult(status, submittedAt, now));
        });
    }

    /** Serves one request; call {@code done} once, from a later event. */
    protected abstract void serve(IoRequest request, ServiceDone done);
}
