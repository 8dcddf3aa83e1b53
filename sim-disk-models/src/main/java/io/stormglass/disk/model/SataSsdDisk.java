package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.FlashDevice;
import io.stormglass.engine.storage.BlockDevice;

/** A SATA SSD: ~0.1–1 ms per flush, a few parallel units, bounded by the 6 Gb/s link. */
public final class SataSsdDisk {
    private SataSsdDisk() {
    }

    /**
     * @param readLatencyMicros  median 4 KiB read; default 100 µs (the "100 µs fast SSD" of DESIGN.md §5)
     * @param writeLatencyMicros median write into the drive cache; default 50 µs
     * @param flushLatencyMicros median flush; default 500 µs, inside the 0.1–1 ms range etcd's hardware guide and
     *                           seed 001 give for SSDs ("SSD &lt; 1 ms"); set ~100 µs for drives with PLP
     * @param channels           requests served in parallel; default 4
     * @param bandwidthMiBps     link transfer rate; default 520 MiB/s (SATA III, 6 Gb/s after 8b/10b)
     * @param jitterSigma        log-normal sigma of each latency; default 0.3
     */
    public record Options(long readLatencyMicros, long writeLatencyMicros, long flushLatencyMicros, int channels,
            long bandwidthMiBps, double jitterSigma) implements DiskSpec {
        public static Options defaults() {
            return new Options(100, 50, 500, 4, 520, 0.3);
        }

        @Override
        public String model() {
            return "sata-ssd";
        }
    }

    public static BlockDevice create(DiskEnv env, String name, Options o) {
        return new FlashDevice(env, name, new FlashDevice.Timing(o.channels(), o.readLatencyMicros() * 1000,
                o.writeLatencyMicros() * 1000, o.flushLatencyMicros() * 1000, o.bandwidthMiBps() * 1048576.0,
                o.jitterSigma()));
    }
}
