package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.internal.MeteredDevice;
import io.stormglass.disk.internal.ServiceQueue;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;

/**
 * A device whose service times are drawn from measured distributions (fitted by
 * {@link io.stormglass.disk.fit.FioJsonFit} or {@link io.stormglass.disk.fit.PrometheusHistogramFit})
 * behind a FIFO queue: the measurement was taken at queue depth one, so it is a service time and
 * concurrent issuers still wait for each other.
 */
public final class EmpiricalDisk extends MeteredDevice {
    private static final EventKind DONE = EventKind.named("disk.empirical.done");

    /**
     * @param writeLatency service time of a WRITE (fio's {@code write.clat_ns})
     * @param flushLatency service time of a FLUSH (fio's {@code sync.lat_ns}, or the WAL fsync histogram)
     * @param readLatency  service time of a READ
     * @param channels     requests served in parallel; default 1 (the measurement's queue depth)
     */
    public record Options(QuantileCurve writeLatency, QuantileCurve flushLatency, QuantileCurve readLatency,
            int channels) implements DiskSpec {
        /**
         * A device fitted from an fdatasync histogram alone: the histogram's latency is charged to the FLUSH,
         * writes and reads cost {@code otherLatencyMicros}.
         */
        public static Options fromFsyncCurve(QuantileCurve fsync, long otherLatencyMicros) {
            QuantileCurve other = QuantileCurve.constant(otherLatencyMicros * 1000);
            return new Options(other, fsync, other, 1);
        }

        @Override
        public String model() {
            return "empirical";
        }
    }

    private final Options options;
    private final SimRandom random;
    private final ServiceQueue<ServiceQueue.Job> queue;

    public EmpiricalDisk(DiskEnv env, String name, Options options) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.options = options;
        this.random = env.random(name);
        this.queue = ServiceQueue.ofJobs(env.scheduler(), DONE, Hashing.fnv1a64(name), options.channels());
    }

    public static BlockDevice create(DiskEnv env, String name, Options options) {
        return new EmpiricalDisk(env, name, options);
    }

    @Override
    protected void serve(Io io) {
        IoRequest request = io.request();
        QuantileCurve curve = switch (request.op()) {
            case READ -> options.readLatency();
            case WRITE -> options.writeLatency();
            case FLUSH -> options.flushLatency();
        };
        queue.add(ServiceQueue.job(now -> curve.quantileNanos(random.nextDouble()), () -> io.complete(IoStatus.OK)));
    }
}
