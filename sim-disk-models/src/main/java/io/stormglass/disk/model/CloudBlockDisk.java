package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.Jitter;
import io.stormglass.disk.internal.MeteredDevice;
import io.stormglass.disk.internal.QosThrottle;
import io.stormglass.disk.internal.ServiceQueue;
import io.stormglass.disk.internal.TokenBucket;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;

/**
 * A provisioned cloud block volume (EBS gp3/gp2, Persistent Disk): requests pass a throttle of
 * provisioned IOPS and throughput, then a
 * network storage service with single-digit millisecond latency and many requests in flight.
 * An I/O larger than {@code ioUnitKiB} counts as several I/Os, as EBS counts I/Os of up to
 * 256 KiB as one. Writes are replicated before they are acknowledged, so a FLUSH does no media
 * work and costs one round trip.
 *
 * <p>Burst credits (gp2 style): the IOPS bucket earns credits at {@code iopsLimit} per second and
 * holds up to {@code burstBalanceIos}; while credits last, requests may run up to
 * {@code burstIops}, enforced by a second, peak-rate bucket in front. Once the balance is spent
 * the volume falls back to its baseline.
 */
public final class CloudBlockDisk extends MeteredDevice {
    private static final EventKind QOS = EventKind.named("disk.cloud.qos");
    private static final EventKind DONE = EventKind.named("disk.cloud.done");

    /**
     * @param iopsLimit          provisioned IOPS; default 3000 (gp3 baseline)
     * @param throughputMiBps    provisioned throughput; default 125 MiB/s (gp3 baseline)
     * @param burstIops          peak IOPS while burst credits last (gp2: 3000); 0 for no burst
     * @param burstBalanceIos    most I/O credits the volume can bank (gp2: 5.4 million); default 0 (gp3 has no
     *                           burst credits)
     * @param qosTickMillis      throttle release period; default 1 ms (EBS throttles smoothly)
     * @param ioUnitKiB          largest I/O counted as one; default 256 KiB (EBS SSD volumes)
     * @param writeLatencyMicros median write latency; default 1000 µs ("single-digit millisecond latency", AWS
     *                           gp3 documentation)
     * @param readLatencyMicros  median read latency; default 600 µs
     * @param flushLatencyMicros median flush latency; default 200 µs
     * @param channels           requests in flight inside the service; default 64
     * @param jitterSigma        log-normal sigma of latencies; default 0.35
     */
    public record Options(long iopsLimit, long throughputMiBps, long burstIops, long burstBalanceIos, long qosTickMillis,
            long ioUnitKiB, long writeLatencyMicros, long readLatencyMicros, long flushLatencyMicros, int channels,
            double jitterSigma) implements DiskSpec {
        /** A gp2 volume of {@code sizeGiB}: 3 IOPS per GiB (at least 100), bursting to 3000 on 5.4 M credits. */
        public static Options gp2(long sizeGiB) {
            return new Options(Math.max(100, 3 * sizeGiB), 250, 3000, 5_400_000, 1, 256, 1000, 600, 200, 64, 0.35);
        }

        /** gp3 baseline: 3000 IOPS and 125 MiB/s whatever the size, no burst credits. */
        public static Options gp3() {
            return new Options(3000, 125, 0, 0, 1, 256, 1000, 600, 200, 64, 0.35);
        }

        @Override
        public String model() {
            return "cloud-block";
        }
    }

    private final Options options;
    private final QosThrottle qos;
    private final TokenBucket peak;
    private final ServiceQueue service;
    private final Jitter jitter;

    public CloudBlockDisk(DiskEnv env, String name, Options o) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.options = o;
        long key = Hashing.fnv1a64(name);
        long tick = o.qosTickMillis() * 1_000_000L;
        double tickSeconds = tick / 1e9;
        double bytesPerSecond = o.throughputMiBps() * 1048576.0;
        this.qos = new QosThrottle(env.scheduler(), QOS, key, o.iopsLimit(),
                Math.max(o.burstBalanceIos(), o.iopsLimit() * tickSeconds), bytesPerSecond,
                bytesPerSecond * tickSeconds, tick, o.ioUnitKiB() * 1024);
        boolean bursts = o.burstIops() > o.iopsLimit() && o.burstBalanceIos() > 0;
        this.peak = bursts ? new TokenBucket(env.scheduler(), QOS, key + 2, o.burstIops(), o.burstIops() * tickSeconds,
                tick) : null;
        this.service = new ServiceQueue(env.scheduler(), DONE, key, o.channels());
        this.jitter = new Jitter(env.random(name), o.jitterSigma());
    }

    public static BlockDevice create(DiskEnv env, String name, Options options) {
        return new CloudBlockDisk(env, name, options);
    }

    @Override
    protected void serve(IoRequest r, ServiceDone done) {
        long medianMicros = switch (r.op()) {
            case READ -> options.readLatencyMicros();
            case WRITE -> options.writeLatencyMicros();
            case FLUSH -> options.flushLatencyMicros();
        };
        Runnable serve = () -> service.add(now -> jitter.apply(medianMicros * 1000), () -> done.complete(IoStatus.OK));
        if (r.op() == IoOp.FLUSH) {
            serve.run();
            return;
        }
        long queuedAt = scheduler.nowNanos();
        Runnable throttled = () -> qos.pass(r.lengthBytes(), () -> {
            metrics().throttleWaited(r.issuer(), scheduler.nowNanos() - queuedAt);
            serve.run();
        });
        if (peak == null) {
            throttled.run();
        } else {
            peak.acquire(ioCost(r.lengthBytes()), throttled);
        }
    }

    private long ioCost(long lengthBytes) {
        long unit = options.ioUnitKiB() * 1024;
        return Math.max(1, (lengthBytes + unit - 1) / unit);
    }
}
