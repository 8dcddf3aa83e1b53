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
 * A provisioned cloud block volume (EBS gp2, gp3, io2; GCE PD SSD): requests pass a throttle of provisioned
 * IOPS and throughput, then a network storage service with many requests in flight, where each
 * costs one round trip drawn log-normally around a median. An I/O larger than {@code ioUnitKiB}
 * counts as several I/Os, as EBS counts I/Os of up to 256 KiB as one. A write is stored
 * redundantly before it is acknowledged, so a FLUSH has nothing to make durable and costs only
 * {@code flushLatencyMicros}. Through a file system an fdatasync is then two round trips, the
 * data and the journal commit ({@link FsJournal}), which is what the published fio runs below show.
 *
 * <p>Burst credits (gp2 style): the IOPS bucket earns credits at {@code iopsLimit} per second and
 * holds up to {@code burstBalanceIos}; while credits last, requests may run up to
 * {@code burstIops}, enforced by a second, peak-rate bucket in front. Once the balance is spent
 * the volume falls back to its baseline.
 *
 * <p>Latency sources. The one published run of etcd's fio recipe on each of gp2 and gp3 (an
 * m6i.xlarge, ext4; besthub.dev, "Why upgrading EBS volumes boosted etcd write performance",
 * https://www.besthub.dev/articles/why-upgrading-ebs-volumes-boosted-etcd-write-performance-and-what-still-limits-it-5d6d8d0fac94)
 * gives fdatasync mean and standard deviation: gp3 700 µs ± 240 µs, gp2 (300 GiB) 1423 µs ±
 * 728 µs. Each fdatasync is two device writes (its iostat line), so a round trip's log-normal
 * median and sigma follow from those two moments (mean = 2·m·e^(σ²/2), (sd/mean)² = (e^(σ²) − 1)/2):
 * gp3 m = 315 µs, σ = 0.46; gp2 m = 576 µs, σ = 0.65. The gp2 p99 of that run (2671 µs) is not
 * used, so it checks the model. io2 Block Express is "designed to deliver an average latency of
 * under 500 microseconds for 16 KiB I/O operations" and to make "I/Os exceeding 800 microseconds"
 * over 10 times rarer than on General Purpose volumes (AWS, Amazon EBS User Guide, "Amazon EBS
 * optimization"): the gp3 median with σ = 0.30 gives 0.2 % above 800 µs (gp3: 2.1 %) and a 330 µs mean.
 *
 * <p>GCE PD SSD: the one published single-request latency is pg_test_fsync on a PD SSD volume (XFS on
 * LVM, Ubuntu; Server Fault, "Slow fsync with Google Cloud local SSD (Postgresql)", mirrored at
 * https://rvso.com/archives/667947): one 8 KiB write + fdatasync of a preallocated file, 640 µs per
 * op (1561 ops/s), and 637 µs as one O_DSYNC write. That rewrites allocated blocks, so no journal
 * commit: one round trip, and the near-equal O_DSYNC figure shows a flush adds nothing (PD, like
 * EBS, acknowledges a write once it is stored redundantly). The run gives no spread, so σ is gp3's
 * 0.46 (both are network-replicated SSD volumes); then the median is 640 µs / e^(σ²/2) = 576 µs.
 * Provisioning: 30 write IOPS and 0.48 MB/s per GB (Google Cloud, "Optimizing persistent disk and
 * local SSD performance", the planning table of 2017-2019).
 */
public final class CloudBlockDisk extends MeteredDevice {
    private static final EventKind QOS = EventKind.named("disk.cloud.qos");
    private static final EventKind DONE = EventKind.named("disk.cloud.done");

    /**
     * Defaults are those of {@link #gp3()}; the class comment derives the latencies.
     *
     * @param iopsLimit          provisioned IOPS; gp3 3000 (baseline whatever the size), gp2 3 per GiB (at least
     *                           100, at most 16 000), io2 as provisioned (AWS EBS User Guide, "Amazon EBS volume types"),
     *                           PD SSD 30 per GB (class comment)
     * @param throughputMiBps    provisioned throughput; gp3 125 MiB/s baseline, gp2 250 MiB/s at most, io2 0.256 MiB/s per
     *                           provisioned IOPS, at most 4000 MiB/s (ibid.)
     * @param burstIops          peak IOPS while burst credits last (gp2: 3000); 0 for no burst
     * @param burstBalanceIos    most I/O credits the volume can bank (gp2: 5.4 million, ibid. "I/O credits and
     *                           burst performance"); 0 for gp3 and io2, which have no burst credits
     * @param qosTickMillis      throttle release period; default 1 ms (EBS throttles smoothly)
     * @param ioUnitKiB          largest I/O counted as one; 256 KiB for EBS SSD volumes (ibid., "Amazon EBS I/O
     *                           characteristics")
     * @param writeLatencyMicros median round trip of a write; gp3 315 µs, gp2 576 µs, io2 315 µs, PD SSD 576 µs
     *                           (class comment)
     * @param readLatencyMicros  median round trip of a read; taken equal to a write's (no published QD1 read
     *                           figure for these setups)
     * @param flushLatencyMicros median flush; 0 µs: EBS acknowledges a write only once it is stored redundantly
     * @param channels           requests in flight inside the service; default 64
     * @param jitterSigma        log-normal sigma of each round trip; gp3 0.46, gp2 0.65, io2 0.30, PD SSD 0.46 (class
     *                           comment)
     */
    public record Options(long iopsLimit, long throughputMiBps, long burstIops, long burstBalanceIos, long qosTickMillis,
            long ioUnitKiB, long writeLatencyMicros, long readLatencyMicros, long flushLatencyMicros, int channels,
            double jitterSigma) implements DiskSpec {
        /** A gp2 volume of {@code sizeGiB}: 3 IOPS per GiB (100 to 16 000), bursting to 3000 on 5.4 M credits. */
        public static Options gp2(long sizeGiB) {
            return new Options(Math.min(16_000, Math.max(100, 3 * sizeGiB)), 250, 3000, 5_400_000, 1, 256, 576, 576, 0,
                    64, 0.65);
        }

        /** gp3 baseline: 3000 IOPS and 125 MiB/s whatever the size, no burst credits. */
        public static Options gp3() {
            return new Options(3000, 125, 0, 0, 1, 256, 315, 315, 0, 64, 0.46);
        }

        /** A GCE PD SSD of {@code sizeGiB}: 30 IOPS and 0.48 MB/s per GiB, the latencies of the class comment. */
        public static Options pdSsd(long sizeGiB) {
            return new Options(30 * sizeGiB, Math.max(1, Math.round(sizeGiB * 0.48 * 1e6 / 1048576.0)), 0, 0, 1, 256, 576, 576,
                    0, 64, 0.46);
        }

        /** io2 Block Express with {@code provisionedIops} (AWS allows up to 1000 per GiB, at most 256 000). */
        public static Options io2(long provisionedIops) {
            return new Options(provisionedIops, Math.max(1, Math.min(4000, Math.round(provisionedIops * 0.256))), 0, 0, 1, 256, 315,
                    315, 0, 64, 0.30);
        }

        @Override
        public String model() {
            return "cloud-block";
        }
    }

    private final Options options;
    private final QosThrottle qos;
    private final TokenBucket peak;
    private final ServiceQueue<ServiceQueue.Job> service;
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
        this.service = ServiceQueue.ofJobs(env.scheduler(), DONE, key, o.channels());
        this.jitter = new Jitter(env.random(name), o.jitterSigma());
    }

    public static BlockDevice create(DiskEnv env, String name, Options options) {
        return new CloudBlockDisk(env, name, options);
    }

    @Override
    protected void serve(Io io) {
        IoRequest r = io.request();
        long medianMicros = switch (r.op()) {
            case READ -> options.readLatencyMicros();
            case WRITE -> options.writeLatencyMicros();
            case FLUSH -> options.flushLatencyMicros();
        };
        Runnable serve = () -> service.add(ServiceQueue.job(now -> jitter.apply(medianMicros * 1000),
                () -> io.complete(IoStatus.OK)));
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
