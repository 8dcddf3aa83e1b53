package io.stormglass.scenario.load;

import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Suggestions;
import java.util.Map;
import java.util.SortedMap;

/**
 * Binds one disk model's mapping ({@code model: ceph-rbd} and its options) to the model's
 * options record. Keys are the kebab-case of the record's fields with the unit moved into the
 * value ({@code writeLatencyMicros} is {@code write-latency: 20us}); every key defaults to the
 * record's documented default.
 */
final class DiskModelBinder {
    /** Model names as written in scenarios, in the order the documentation lists them. */
    static final Map<String, String> MODELS = Fields.words("nvme", "sata-ssd", "hdd", "raid5", "ceph-rbd", "cloud-block", "empirical");

    private final SortedMap<String, CephCluster.Options> cephClusters;
    private final boolean cephClustersDeclared;
    private final EmpiricalSources empirical;

    /**
     * @param cephClusters         the clusters of {@code ceph-clusters:}
     * @param cephClustersDeclared whether the scenario has a {@code ceph-clusters:} section (then images must
     *                             name one of its clusters; otherwise every cluster gets Ceph's defaults)
     * @param empirical            reads measured latency files named by {@code empirical} disks
     */
    DiskModelBinder(SortedMap<String, CephCluster.Options> cephClusters, boolean cephClustersDeclared,
            EmpiricalSources empirical) {
        this.cephClusters = cephClusters;
        this.cephClustersDeclared = cephClustersDeclared;
        this.empirical = empirical;
    }

    /** The model named by {@code model:} with its options; null (after recording a problem) if it cannot be bound. */
    DiskSpec bind(MapReader m, boolean nested) {
        String model = Fields.kind(m, "model", MODELS);
        if (model == null) {
            return null;
        }
        if (nested && (model.equals("raid5") || model.equals("ceph-rbd"))) {
            m.problem("model", "a member or OSD device cannot be " + model + "; use nvme, sata-ssd, hdd, cloud-block or empirical");
            m.acceptRest();
            return null;
        }
        return switch (model) {
            case "nvme" -> nvme(m);
            case "sata-ssd" -> sataSsd(m);
            case "hdd" -> hdd(m);
            case "raid5" -> raid5(m);
            case "ceph-rbd" -> cephRbd(m);
            case "cloud-block" -> cloudBlock(m);
            default -> empirical.bind(m);
        };
    }

    private static NvmeDisk.Options nvme(MapReader m) {
        boolean plp = m.bool("power-loss-protection", false);
        NvmeDisk.Options d = NvmeDisk.Options.defaults(plp);
        return new NvmeDisk.Options(plp, Fields.micros(m, "read-latency", d.readLatencyMicros()),
                Fields.micros(m, "write-latency", d.writeLatencyMicros()),
                Fields.micros(m, "flush-latency", d.flushLatencyMicros()),
                Fields.micros(m, "plp-flush-latency", d.plpFlushLatencyMicros()),
                (int) m.integer("channels", d.channels(), 1, 4096),
                Fields.mibPerSecond(m, "bandwidth", d.bandwidthMiBps()),
                m.number("jitter-sigma", d.jitterSigma(), 0, 3));
    }

    private static SataSsdDisk.Options sataSsd(MapReader m) {
        SataSsdDisk.Options d = SataSsdDisk.Options.defaults();
        return new SataSsdDisk.Options(Fields.micros(m, "read-latency", d.readLatencyMicros()),
                Fields.micros(m, "write-latency", d.writeLatencyMicros()),
                Fields.micros(m, "flush-latency", d.flushLatencyMicros()),
                (int) m.integer("channels", d.channels(), 1, 1024),
                Fields.mibPerSecond(m, "bandwidth", d.bandwidthMiBps()),
                m.number("jitter-sigma", d.jitterSigma(), 0, 3));
    }

    private static HddDisk.Options hdd(MapReader m) {
        HddDisk.Options d = HddDisk.Options.defaults();
        double averageSeek = Fields.millis(m, "average-seek", d.averageSeekMillis());
        double trackToTrack = Fields.millis(m, "track-to-track-seek", d.trackToTrackSeekMillis());
        if (trackToTrack > averageSeek) {
            m.problem("track-to-track-seek", "must not exceed average-seek (" + averageSeek + "ms)");
        }
        long capacity = m.sizeBytes("capacity", d.capacityBytes());
        if (capacity < (1L << 30) && m.has("capacity")) {
            m.problem("capacity", "must be at least 1GiB");
        }
        return new HddDisk.Options((int) m.integer("rpm", d.rpm(), 3600, 20000), capacity, averageSeek, trackToTrack,
                Fields.atLeast(m, "media-rate", Fields.mibPerSecond(m, "media-rate", d.mediaMiBps()), 1, "1MiB/s", d.mediaMiBps()),
                Fields.atLeast(m, "interface-rate", Fields.mibPerSecond(m, "interface-rate", d.interfaceMiBps()), 1, "1MiB/s",
                        d.interfaceMiBps()),
                Fields.micros(m, "command-overhead", d.commandOverheadMicros()),
                m.bool("write-cache", d.writeCacheEnabled()),
                m.sizeBytes("write-cache-size", d.writeCacheBytes()));
    }

    private Raid5Disk.Options raid5(MapReader m) {
        Raid5Disk.Options d = Raid5Disk.Options.defaults();
        DiskSpec member = m.optionalMap("member").map(r -> {
            DiskSpec s = bind(r, true);
            r.finish();
            return s;
        }).orElse(d.member());
        long stripe = m.sizeBytes("stripe-unit", d.stripeUnitBytes());
        if (stripe < 4096 || stripe % 4096 != 0) {
            m.problem("stripe-unit", "must be a multiple of 4KiB, got " + stripe + "B");
            stripe = d.stripeUnitBytes();
        }
        int members = (int) m.integer("members", d.members(), 3, 32);
        long cache = m.sizeBytes("write-back-cache", d.writeBackCacheBytes());
        long controller = Fields.micros(m, "controller-latency", d.controllerLatencyMicros());
        return member == null ? null : new Raid5Disk.Options(members, member, stripe, cache, controller);
    }

    private CephRbdDisk.Options cephRbd(MapReader m) {
        CephRbdDisk.Options d = CephRbdDisk.Options.withIopsLimit(0);
        String clusterName = m.string("cluster", d.clusterName());
        CephCluster.Options cluster = cephClusters.get(clusterName);
        if (cluster == null) {
            if (cephClustersDeclared) {
                String hint = Suggestions.closest(clusterName, cephClusters.keySet())
                        .map(c -> " (did you mean " + c + "?)").orElse("");
                m.problem("cluster", "no Ceph cluster named '" + clusterName + "' in ceph-clusters"
                        + (cephClusters.isEmpty() ? "" : "; declared: " + String.join(", ", cephClusters.keySet())) + hint);
            }
            cluster = CephCluster.Options.defaults();
        }
        return new CephRbdDisk.Options(clusterName, cluster, Fields.wholeRate(m, "iops-limit", d.iopsLimit()),
                Fields.wholeRate(m, "iops-burst", d.iopsBurst()),
                positiveSeconds(m, "iops-burst-duration", d.iopsBurstSeconds()),
                m.bitsPerSecond("bandwidth-limit", d.bpsLimit() * 8) / 8,
                m.bitsPerSecond("bandwidth-burst", d.bpsBurst() * 8) / 8,
                positiveSeconds(m, "bandwidth-burst-duration", d.bpsBurstSeconds()),
                Fields.atLeast(m, "qos-tick", Fields.wholeMillis(m, "qos-tick", d.qosTickMillis()), 1, "1ms", d.qosTickMillis()),
                (int) m.integer("guest-queue-depth", d.guestQueueDepth(), 1, 65536));
    }

    private static double positiveSeconds(MapReader m, String key, double defaultSeconds) {
        double s = Fields.fractionalSeconds(m, key, defaultSeconds);
        if (s <= 0) {
            m.problem(key, "must be longer than 0s");
            return defaultSeconds;
        }
        return s;
    }

    /** One entry of {@code ceph-clusters:}. */
    CephCluster.Options cephCluster(MapReader m) {
        CephCluster.Options d = CephCluster.Options.defaults();
        DiskSpec osd = m.optionalMap("osd").map(r -> {
            DiskSpec s = bind(r, true);
            r.finish();
            return s;
        }).orElse(d.osd());
        int osds = (int) m.integer("osds", d.osdCount(), 1, 10_000);
        int replication = (int) m.integer("replication", d.replicationFactor(), 1, 10);
        if (replication > osds) {
            m.problem("replication", "needs at least as many osds (" + osds + ")");
            replication = osds;
        }
        CephCluster.Options o = new CephCluster.Options(osds, replication, Fields.micros(m, "network-rtt", d.networkRttMicros()),
                Fields.micros(m, "osd-software-latency", d.osdSoftwareLatencyMicros()),
                (int) m.integer("osd-op-threads", d.osdOpThreads(), 1, 1024),
                Fields.positiveSize(m, "object-size", d.objectSizeBytes()), osd == null ? d.osd() : osd,
                m.number("jitter-sigma", d.jitterSigma(), 0, 3));
        m.finish();
        return o;
    }

    private static CloudBlockDisk.Options cloudBlock(MapReader m) {
        String preset = m.choice("preset", Fields.words("gp3", "gp2", "io2"), "gp3");
        CloudBlockDisk.Options d;
        long bytes = m.sizeBytes("volume-size", 0);
        if (m.has("volume-size") && bytes < (1L << 30) && !preset.equals("gp2")) {
            m.problem("volume-size", "must be at least 1GiB");
        }
        if (preset.equals("gp2")) {
            if (bytes < (1L << 30)) {
                m.problem("volume-size", "a gp2 volume needs its size (at least 1GiB): its baseline is 3 IOPS per GiB");
            }
            d = CloudBlockDisk.Options.gp2(Math.max(1, bytes >> 30));
        } else if (preset.equals("io2")) {
            d = CloudBlockDisk.Options.io2(3000); // iops-limit below sets the provisioned IOPS
        } else {
            d = CloudBlockDisk.Options.gp3();
        }
        long iops = Fields.wholeRate(m, "iops-limit", d.iopsLimit());
        if (iops < 1) {
            m.problem("iops-limit", "must be at least 1/s");
            iops = d.iopsLimit();
        }
        return new CloudBlockDisk.Options(iops,
                Fields.atLeast(m, "throughput", Fields.mibPerSecond(m, "throughput", d.throughputMiBps()), 1, "1MiB/s", d.throughputMiBps()),
                Fields.wholeRate(m, "burst-iops", d.burstIops()),
                m.integer("burst-balance", d.burstBalanceIos(), 0, Long.MAX_VALUE),
                Fields.atLeast(m, "qos-tick", Fields.wholeMillis(m, "qos-tick", d.qosTickMillis()), 1, "1ms", d.qosTickMillis()),
                Fields.atLeast(m, "io-unit", Fields.kib(m, "io-unit", d.ioUnitKiB()), 1, "1KiB", d.ioUnitKiB()),
                Fields.micros(m, "write-latency", d.writeLatencyMicros()),
                Fields.micros(m, "read-latency", d.readLatencyMicros()),
                Fields.micros(m, "flush-latency", d.flushLatencyMicros()),
                (int) m.integer("channels", d.channels(), 1, 4096),
                m.number("jitter-sigma", d.jitterSigma(), 0, 3));
    }
}
