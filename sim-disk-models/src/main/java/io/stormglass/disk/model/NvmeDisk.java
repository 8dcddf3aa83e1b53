package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.FlashDevice;
import io.stormglass.engine.storage.BlockDevice;

/** An NVMe SSD: tens of microseconds per write, internal parallelism, flush cost set by power-loss protection. */
public final class NvmeDisk {
    private NvmeDisk() {
    }

    /**
     * @param powerLossProtection   whether the drive's write cache is capacitor-backed (enterprise drives); then a
     *                              flush costs {@code plpFlushLatencyMicros}, otherwise {@code flushLatencyMicros}
     * @param readLatencyMicros     median QD1 4 KiB read; default 80 µs (Samsung 970 EVO Plus class, ~12k QD1 IOPS)
     * @param writeLatencyMicros    median write into the drive's cache; default 20 µs (datasheet QD1 write latency
     *                              of current TLC NVMe drives is 15–30 µs)
     * @param flushLatencyMicros    median flush without PLP; default 1700 µs, which gives the ~574 fsync'd 4 KiB
     *                              writes/s measured on consumer NVMe (DESIGN.md §5)
     * @param plpFlushLatencyMicros median flush with PLP; default 15 µs (a flush is acknowledged from the
     *                              protected cache, about one command round trip)
     * @param channels              requests served in parallel; default 32 (flash dies across channels; NVMe
     *                              queues are 64 Ki deep, the dies are the limit)
     * @param bandwidthMiBps        interface transfer rate; default 2000 MiB/s (PCIe 3.0 ×4 class)
     * @param jitterSigma           log-normal sigma of each latency; default 0.2
     */
    public record Options(boolean powerLossProtection, long readLatencyMicros, long writeLatencyMicros,
            long flushLatencyMicros, long plpFlushLatencyMicros, int channels, long bandwidthMiBps, double jitterSigma)
            implements DiskSpec {
        /** Defaults documented above, with or without PLP. */
        public static Options defaults(boolean powerLossProtection) {
            return new Options(powerLossProtection, 80, 20, 1700, 15, 32, 2000, 0.2);
        }

        @Override
        public String model() {
            return "nvme";
        }
    }

    public static BlockDevice create(DiskEnv env, String name, Options o) {
        long flushMicros = o.powerLossProtection() ? o.plpFlushLatencyMicros() : o.flushLatencyMicros();
        return new FlashDevice(env, name, new FlashDevice.Timing(o.channels(), o.readLatencyMicros() * 1000,
                o.writeLatencyMicros() * 1000, flushMicros * 1000, o.bandwidthMiBps() * 1048576.0, o.jitterSigma()));
    }
}
