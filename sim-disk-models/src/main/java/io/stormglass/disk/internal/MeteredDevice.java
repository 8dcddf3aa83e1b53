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
    private static final int MAX_FREE_IOS = 256;

    /** How a model reports that it finished serving a request (the engine's {@code exec.Completion} is a different idea: a value a task waits for). */
    @FunctionalInterface
    public interface ServiceDone {
        void complete(IoStatus status);
    }

    protected final Scheduler scheduler;
    private final String name;
    private final DiskMetrics metrics;
    /** Completed request objects kept for reuse, linked through {@link Io#nextFree}. */
    private Io freeIos;
    private int freeCount;

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
        Io io = freeIos;
        if (io == null) {
            io = new Io(this);
        } else {
            freeIos = io.nextFree;
            freeCount--;
        }
        io.start(request, issuer, callback, scheduler.nowNanos());
        serve(io);
    }

    /** Serves one request; call {@link Io#complete} once, from a later event, and keep no reference after. */
    protected abstract void serve(Io io);

    /** Takes back a completed request object, up to {@link #MAX_FREE_IOS} of them. */
    private void recycle(Io io) {
        if (freeCount < MAX_FREE_IOS) {
            io.nextFree = freeIos;
            freeIos = io;
            freeCount++;
        }
    }

    /**
     * One request in a device: what was asked, who hears its completion, and since when. A model
     * may queue it itself, and it is the {@link ServiceDone} a model calls when service ends. The
     * device reuses it for a later request once it completed (issue 23: a Ceph cluster's OSDs serve
     * tens of millions of requests a simulated day), so a model must not touch it after
     * {@link #complete}; completing twice throws while it is unused, and cannot be detected once
     * it serves another request.
     */
    protected static final class Io implements ServiceDone {
        private final MeteredDevice device;
        private IoRequest request;
        private DiskMetrics.IssuerHandles issuer;
        private IoCallback callback;
        private long submittedAtNanos;
        /** The next free request object of the device, while this one is free. */
        private Io nextFree;

        private Io(MeteredDevice device) {
            this.device = device;
        }

        private void start(IoRequest request, DiskMetrics.IssuerHandles issuer, IoCallback callback,
                long submittedAtNanos) {
            this.request = request;
            this.issuer = issuer;
            this.callback = callback;
            this.submittedAtNanos = submittedAtNanos;
            this.nextFree = null;
        }

        public IoRequest request() {
            return request;
        }

        /**
         * Reports the request done with {@code status} now: metrics first, then the submitter's
         * callback (after this object went back to the device, so the callback may submit again).
         */
        @Override
        public void complete(IoStatus status) {
            IoCallback done = callback;
            if (done == null) {
                throw new IllegalStateException("a request completed twice on " + device.name());
            }
            long now = device.scheduler.nowNanos();
            long submitted = submittedAtNanos;
            device.metrics.completed(issuer, request, now - submitted);
            request = null;
            issuer = null;
            callback = null;
            device.recycle(this);
            done.onComplete(status, submitted, now);
        }
    }
}
