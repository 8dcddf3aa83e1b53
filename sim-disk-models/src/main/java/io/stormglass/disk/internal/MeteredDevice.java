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
        DiskMetrics.IssuerHandles issuer = metrics.submitted(request);
        serve(new Io(this, request, issuer, callback, scheduler.nowNanos()));
    }

    /** Serves one request; call {@link Io#complete} once, from a later event. */
    protected abstract void serve(Io io);

    /**
     * One request in a device: what was asked, who hears its completion, and since when. It is
     * the only object the device layer allocates per request (issue 23): a model may queue it
     * itself, and it is the {@link ServiceDone} a model calls when service ends.
     */
    protected static final class Io implements ServiceDone {
        private final MeteredDevice device;
        private final IoRequest request;
        private final DiskMetrics.IssuerHandles issuer;
        private final IoCallback callback;
        private final long submittedAtNanos;

        Io(MeteredDevice device, IoRequest request, DiskMetrics.IssuerHandles issuer, IoCallback callback,
                long submittedAtNanos) {
            this.device = device;
            this.request = request;
            this.issuer = issuer;
            this.callback = callback;
            this.submittedAtNanos = submittedAtNanos;
        }

        public IoRequest request() {
            return request;
        }

        /** Reports the request done with {@code status} now: metrics first, then the submitter's callback. */
        @Override
        public void complete(IoStatus status) {
            long now = device.scheduler.nowNanos();
            device.metrics.completed(issuer, request, now - submittedAtNanos);
            callback.onComplete(status, submittedAtNanos, now);
        }
    }
}
