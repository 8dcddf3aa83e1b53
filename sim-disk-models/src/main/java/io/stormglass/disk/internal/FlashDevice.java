package io.stormglass.disk.internal;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;

/**
 * A flash device: {@code channels} internal parallel units behind one FIFO, each request costing
 * a log-normal command latency plus its transfer at the interface bandwidth. A FLUSH costs
 * {@code flushNanos}: about a write when the drive has power-loss protection (its cache is
 * durable, so the flush is acknowledged at once), a millisecond or more when the volatile cache
 * must be programmed to NAND first.
 */
public final class FlashDevice extends MeteredDevice {
    private static final EventKind DONE = EventKind.named("disk.flash.done");

    /** Timing parameters in nanoseconds and bytes per second. */
    public record Timing(int channels, long readNanos, long writeNanos, long flushNanos, double bytesPerSecond,
            double jitterSigma) {
    }

    private final Timing timing;
    private final Jitter jitter;
    private final ServiceQueue<Io> queue;

    public FlashDevice(DiskEnv env, String name, Timing timing) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.timing = timing;
        this.jitter = new Jitter(env.random(name), timing.jitterSigma());
        this.queue = new ServiceQueue<>(env.scheduler(), DONE, Hashing.fnv1a64(name), timing.channels(), new Service());
    }

    @Override
    protected void serve(Io io) {
        queue.add(io);
    }

    /** How a channel serves a request: its command latency (drawn when it starts) plus its transfer. */
    private final class Service implements ServiceQueue.Server<Io> {
        @Override
        public long startService(Io io, long nowNanos) {
            IoRequest request = io.request();
            return switch (request.op()) {
                case READ -> jitter.apply(timing.readNanos()) + transferNanos(request.lengthBytes());
                case WRITE -> jitter.apply(timing.writeNanos()) + transferNanos(request.lengthBytes());
                case FLUSH -> jitter.apply(timing.flushNanos());
            };
        }

        @Override
        public void finished(Io io) {
            io.complete(IoStatus.OK);
        }
    }

    private long transferNanos(long bytes) {
        return Math.round(bytes * 1e9 / timing.bytesPerSecond());
    }
}
