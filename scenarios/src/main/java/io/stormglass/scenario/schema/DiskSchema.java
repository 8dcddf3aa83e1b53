package io.stormglass.scenario.schema;

import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.schema.Variant.Case;
import java.util.function.Function;

/**
 * An entry of {@code disks:} and each disk model's options, and an entry of {@code ceph-clusters:}.
 * Keys are the kebab-case of the options record's fields with the unit moved into the value
 * ({@code writeLatencyMicros} is {@code write-latency: 20us}); every default is the options
 * record's own documented default (its javadoc cites the source), read here, not repeated.
 */
public final class DiskSchema {
    private static final NvmeDisk.Options NVME_D = NvmeDisk.Options.defaults(false);
    private static final SataSsdDisk.Options SATA_D = SataSsdDisk.Options.defaults();
    private static final HddDisk.Options HDD_D = HddDisk.Options.defaults();
    private static final Raid5Disk.Options RAID5_D = Raid5Disk.Options.defaults();
    private static final CephRbdDisk.Options RBD_D = CephRbdDisk.Options.withIopsLimit(0);
    private static final CloudBlockDisk.Options GP3 = CloudBlockDisk.Options.gp3();
    private static final CephCluster.Options CEPH_D = CephCluster.Options.defaults();
    private static final ValueType<Double> SIGMA = Types.number(0, 3);
    private static final String SIGMA_DOC = "log-normal σ of service times";
    private static final ValueType<Long> AT_LEAST_1_MIBPS = Types.atLeast(Types.MIB_PER_SECOND, 1, "1MiB/s");

    private static final Section.Builder<NvmeDisk.Options> NV = Section.builder("disks.nvme", NVME_D);
    public static final Key<NvmeDisk.Options, Boolean> NVME_PLP = NV.key("power-loss-protection", Types.BOOLEAN,
            NvmeDisk.Options::powerLossProtection, "a capacitor-backed cache: a flush costs `plp-flush-latency`");
    public static final Key<NvmeDisk.Options, Long> NVME_READ = NV.key("read-latency", Types.MICROS, NvmeDisk.Options::readLatencyMicros,
            "median read service time");
    public static final Key<NvmeDisk.Options, Long> NVME_WRITE = NV.key("write-latency", Types.MICROS, NvmeDisk.Options::writeLatencyMicros,
            "median write service time (into the cache)");
    public static final Key<NvmeDisk.Options, Long> NVME_FLUSH = NV.key("flush-latency", Types.MICROS, NvmeDisk.Options::flushLatencyMicros,
            "median flush without PLP (~574 fsync'd 4 KiB writes/s)");
    public static final Key<NvmeDisk.Options, Long> NVME_PLP_FLUSH = NV.key("plp-flush-latency", Types.MICROS,
            NvmeDisk.Options::plpFlushLatencyMicros, "median flush with PLP");
    public static final Key<NvmeDisk.Options, Integer> NVME_CHANNELS = NV.key("channels", Types.ints(1, 4096), NvmeDisk.Options::channels,
            "requests served in parallel");
    public static final Key<NvmeDisk.Options, Long> NVME_BANDWIDTH = NV.key("bandwidth", Types.MIB_PER_SECOND,
            NvmeDisk.Options::bandwidthMiBps, "transfer rate shared by all requests");
    public static final Key<NvmeDisk.Options, Double> NVME_JITTER = NV.key("jitter-sigma", SIGMA, NvmeDisk.Options::jitterSigma, SIGMA_DOC);
    public static final Section<NvmeDisk.Options> NVME = NV.build();

    private static final Section.Builder<SataSsdDisk.Options> SA = Section.builder("disks.sata-ssd", SATA_D);
    public static final Key<SataSsdDisk.Options, Long> SATA_READ = SA.key("read-latency", Types.MICROS,
            SataSsdDisk.Options::readLatencyMicros, "median read service time");
    public static final Key<SataSsdDisk.Options, Long> SATA_WRITE = SA.key("write-latency", Types.MICROS,
            SataSsdDisk.Options::writeLatencyMicros, "median write service time");
    public static final Key<SataSsdDisk.Options, Long> SATA_FLUSH = SA.key("flush-latency", Types.MICROS,
            SataSsdDisk.Options::flushLatencyMicros, "median flush service time");
    public static final Key<SataSsdDisk.Options, Integer> SATA_CHANNELS = SA.key("channels", Types.ints(1, 1024),
            SataSsdDisk.Options::channels, "requests served in parallel");
    public static final Key<SataSsdDisk.Options, Long> SATA_BANDWIDTH = SA.key("bandwidth", Types.MIB_PER_SECOND,
            SataSsdDisk.Options::bandwidthMiBps, "transfer rate shared by all requests");
    public static final Key<SataSsdDisk.Options, Double> SATA_JITTER = SA.key("jitter-sigma", SIGMA, SataSsdDisk.Options::jitterSigma,
            SIGMA_DOC);
    public static final Section<SataSsdDisk.Options> SATA_SSD = SA.build();

    private static final Section.Builder<HddDisk.Options> HD = Section.builder("disks.hdd", HDD_D);
    public static final Key<HddDisk.Options, Integer> HDD_RPM = HD.key("rpm", Types.ints(3600, 20000), HddDisk.Options::rpm,
            "spindle speed: a rotation's latency");
    public static final Key<HddDisk.Options, Long> HDD_CAPACITY = HD.key("capacity", Types.SIZE.check(v -> v >= 1L << 30,
            v -> "must be at least 1GiB", "size ≥ 1GiB"), HddDisk.Options::capacityBytes, "the addressable size: how far a seek travels");
    public static final Key<HddDisk.Options, Double> HDD_AVERAGE_SEEK = HD.key("average-seek", Types.MILLIS,
            HddDisk.Options::averageSeekMillis, "seek across a third of the disk");
    public static final Key<HddDisk.Options, Double> HDD_TRACK_TO_TRACK = HD.key("track-to-track-seek", Types.MILLIS,
            HddDisk.Options::trackToTrackSeekMillis, "seek to the next track; at most `average-seek`");
    public static final Key<HddDisk.Options, Long> HDD_MEDIA_RATE = HD.key("media-rate", AT_LEAST_1_MIBPS, HddDisk.Options::mediaMiBps,
            "sustained transfer rate from the platters");
    public static final Key<HddDisk.Options, Long> HDD_INTERFACE_RATE = HD.key("interface-rate", AT_LEAST_1_MIBPS,
            HddDisk.Options::interfaceMiBps, "transfer rate from the drive's cache (SATA)");
    public static final Key<HddDisk.Options, Long> HDD_COMMAND_OVERHEAD = HD.key("command-overhead", Types.MICROS,
            HddDisk.Options::commandOverheadMicros, "controller time per command");
    public static final Key<HddDisk.Options, Boolean> HDD_WRITE_CACHE = HD.key("write-cache", Types.BOOLEAN,
            HddDisk.Options::writeCacheEnabled, "volatile write cache on (a flush then empties it)");
    public static final Key<HddDisk.Options, Long> HDD_WRITE_CACHE_SIZE = HD.key("write-cache-size", Types.SIZE,
            HddDisk.Options::writeCacheBytes, "size of the write cache");
    public static final Section<HddDisk.Options> HDD = HD.build();

    private static final Section.Builder<Raid5Disk.Options> R5 = Section.builder("disks.raid5", RAID5_D);
    public static final Key<Raid5Disk.Options, Integer> RAID5_MEMBERS = R5.key("members", Types.ints(3, 32), Raid5Disk.Options::members,
            "disks in the array, one stripe unit of each stripe holding parity");

    static {
        R5.nested("member", "disk mapping", () -> DiskSchema.MODEL_SECTION, Raid5Disk.Options::member, Default.text("a 7200 rpm `hdd`"),
                "each member disk: a mapping with its own `model` (not `raid5` or `ceph-rbd`) and options");
    }

    public static final Key<Raid5Disk.Options, Long> RAID5_STRIPE_UNIT = R5.key("stripe-unit",
            Types.SIZE.check( v -> v >= 4096 && v % 4096 == 0, v -> "must be a multiple of 4KiB, got " + v + "B",
            "size, a multiple of 4KiB"), Raid5Disk.Options::stripeUnitBytes, "data per member per stripe");
    public static final Key<Raid5Disk.Options, Long> RAID5_WRITE_BACK_CACHE = R5.key("write-back-cache", Types.SIZE,
            Raid5Disk.Options::writeBackCacheBytes, Default.fromRecord("none"), "battery-backed controller cache absorbing writes");
    public static final Key<Raid5Disk.Options, Long> RAID5_CONTROLLER_LATENCY = R5.key("controller-latency", Types.MICROS,
            Raid5Disk.Options::controllerLatencyMicros, "controller time per request");
    public static final Section<Raid5Disk.Options> RAID5 = R5.build();

    private static final Section.Builder<CephRbdDisk.Options> RB = Section.builder("disks.ceph-rbd", RBD_D);
    public static final Key<CephRbdDisk.Options, String> RBD_CLUSTER = RB.key("cluster", Types.TEXT, CephRbdDisk.Options::clusterName,
            "the Ceph cluster of `ceph-clusters`; images naming one cluster share its OSDs");
    public static final Key<CephRbdDisk.Options, Long> RBD_IOPS_LIMIT = RB.key("iops-limit", Types.WHOLE_RATE,
            CephRbdDisk.Options::iopsLimit, Default.fromRecord("unlimited"), "`rbd_qos_iops_limit`");
    public static final Key<CephRbdDisk.Options, Long> RBD_IOPS_BURST = RB.key("iops-burst", Types.WHOLE_RATE,
            CephRbdDisk.Options::iopsBurst, Default.fromRecord("the limit"), "`rbd_qos_iops_burst`");
    public static final Key<CephRbdDisk.Options, Double> RBD_IOPS_BURST_DURATION = RB.key("iops-burst-duration", Types.POSITIVE_SECONDS,
            CephRbdDisk.Options::iopsBurstSeconds, "`rbd_qos_iops_burst_seconds`");
    public static final Key<CephRbdDisk.Options, Long> RBD_BANDWIDTH_LIMIT = RB.key("bandwidth-limit", Types.BYTES_PER_SECOND,
            CephRbdDisk.Options::bpsLimit, Default.fromRecord("unlimited"), "`rbd_qos_bps_limit`");
    public static final Key<CephRbdDisk.Options, Long> RBD_BANDWIDTH_BURST = RB.key("bandwidth-burst", Types.BYTES_PER_SECOND,
            CephRbdDisk.Options::bpsBurst, Default.fromRecord("the limit"), "`rbd_qos_bps_burst`");
    public static final Key<CephRbdDisk.Options, Double> RBD_BANDWIDTH_BURST_DURATION = RB.key("bandwidth-burst-duration",
            Types.POSITIVE_SECONDS, CephRbdDisk.Options::bpsBurstSeconds, "`rbd_qos_bps_burst_seconds`");
    public static final Key<CephRbdDisk.Options, Long> RBD_QOS_TICK = RB.key("qos-tick", Types.WHOLE_MILLIS,
            CephRbdDisk.Options::qosTickMillis, "`rbd_qos_schedule_tick_min`");
    public static final Key<CephRbdDisk.Options, Integer> RBD_GUEST_QUEUE_DEPTH = RB.key("guest-queue-depth", Types.ints(1, 65536),
            CephRbdDisk.Options::guestQueueDepth, "requests the guest's virtio queue holds");
    public static final Section<CephRbdDisk.Options> CEPH_RBD = RB.build();

    private static final Section.Builder<CloudBlockDisk.Options> CB = Section.builder("disks.cloud-block", GP3);
    public static final Key<CloudBlockDisk.Options, String> CLOUD_PRESET = CB.readOnly("preset", Types.words("gp3", "gp2", "io2", "pd-ssd"),
            Default.of("gp3"), "the volume type whose baseline the other keys default to");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_VOLUME_SIZE = CB.readOnly("volume-size", Types.SIZE, Default.shown(0L,
            "none"), "the volume's size; `gp2` and `pd-ssd` need it (at least 1GiB): gp2 3 IOPS per GiB, bursting to 3000; "
            + "PD SSD 30 IOPS and 0.48 MB/s per GiB");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_IOPS_LIMIT = CB.key("iops-limit", Types.atLeast(Types.WHOLE_RATE, 1, "1/s"),
            CloudBlockDisk.Options::iopsLimit, Default.fromRecord("gp3"), "provisioned IOPS");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_THROUGHPUT = CB.key("throughput", AT_LEAST_1_MIBPS,
            CloudBlockDisk.Options::throughputMiBps, Default.fromRecord("gp3"), "provisioned throughput");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_BURST_IOPS = CB.key("burst-iops", Types.WHOLE_RATE,
            CloudBlockDisk.Options::burstIops, Default.fromRecord("gp3"), "peak IOPS while burst credits last");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_BURST_BALANCE = CB.key("burst-balance", Types.longs(0, Long.MAX_VALUE),
            CloudBlockDisk.Options::burstBalanceIos, Default.fromRecord("gp3"), "most I/O credits the volume banks");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_QOS_TICK = CB.key("qos-tick", Types.WHOLE_MILLIS,
            CloudBlockDisk.Options::qosTickMillis, "throttle release period");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_IO_UNIT = CB.key("io-unit", Types.atLeast(Types.KIB, 1, "1KiB"),
            CloudBlockDisk.Options::ioUnitKiB, "largest I/O counted as one");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_WRITE = CB.key("write-latency", Types.MICROS,
            CloudBlockDisk.Options::writeLatencyMicros, "median write latency");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_READ = CB.key("read-latency", Types.MICROS,
            CloudBlockDisk.Options::readLatencyMicros, "median read latency");
    public static final Key<CloudBlockDisk.Options, Long> CLOUD_FLUSH = CB.key("flush-latency", Types.MICROS,
            CloudBlockDisk.Options::flushLatencyMicros, "median flush latency");
    public static final Key<CloudBlockDisk.Options, Integer> CLOUD_CHANNELS = CB.key("channels", Types.ints(1, 4096),
            CloudBlockDisk.Options::channels, "requests in flight inside the service");
    public static final Key<CloudBlockDisk.Options, Double> CLOUD_JITTER = CB.key("jitter-sigma", SIGMA,
            CloudBlockDisk.Options::jitterSigma, SIGMA_DOC);
    public static final Section<CloudBlockDisk.Options> CLOUD_BLOCK = CB.build();

    private static final Section.Builder<EmpiricalDisk.Options> EM = Section.builder("disks.empirical");
    public static final Key<EmpiricalDisk.Options, Integer> EMPIRICAL_CHANNELS = EM.key("channels", Types.ints(1, 4096),
            EmpiricalDisk.Options::channels, Default.of(1), "requests served in parallel");
    public static final Key<EmpiricalDisk.Options, String> EMPIRICAL_FIO = EM.readOnly("fio", Types.TEXT.describedAs("file name"),
            Default.text("none"), "fio's `--output-format=json` report of an `--fdatasync=1` job: write and sync latencies");
    public static final Key<EmpiricalDisk.Options, String> EMPIRICAL_PROMETHEUS = EM.readOnly("prometheus",
            Types.TEXT.describedAs("file name"), Default.text("none"), "a Prometheus scrape holding the `metric` histogram");
    public static final Key<EmpiricalDisk.Options, String> EMPIRICAL_METRIC = EM.readOnly("metric", Types.TEXT,
            Default.of(Metric.WAL_FSYNC_DURATION.exportedName()), "with `prometheus`: the fsync histogram");
    public static final Key<EmpiricalDisk.Options, Long> EMPIRICAL_OTHER_LATENCY = EM.readOnly("other-latency", Types.MICROS,
            Default.of(50L), "with `prometheus`: the latency of writes and reads");
    public static final Key<EmpiricalDisk.Options, QuantileCurve> EMPIRICAL_WRITE = EM.key("write-latency", QuantileTypes.CURVE,
            EmpiricalDisk.Options::writeLatency, Default.of(QuantileCurve.constant(50_000)), "inline: write latencies");
    public static final Key<EmpiricalDisk.Options, QuantileCurve> EMPIRICAL_FLUSH = EM.key("flush-latency", QuantileTypes.CURVE,
            EmpiricalDisk.Options::flushLatency, Default.text("none"), "inline: flush latencies (`min`/`max` are p0/p100)");
    public static final Key<EmpiricalDisk.Options, QuantileCurve> EMPIRICAL_READ = EM.key("read-latency", QuantileTypes.CURVE,
            EmpiricalDisk.Options::readLatency, Default.of(QuantileCurve.constant(50_000)), "inline: read latencies");
    public static final Section<EmpiricalDisk.Options> EMPIRICAL = EM.build();

    private static final Section.Builder<DiskSpec> MS = Section.builder("disks.model");
    public static final Variant<DiskSpec, DiskSpec> MODEL = MS.variant("disks.models", "model", Function.identity(),
            Default.required("one of the models"), "the disk model; its options follow in the same mapping", Case.of("nvme",
            NvmeDisk.Options.class, NVME), Case.of("sata-ssd", SataSsdDisk.Options.class, SATA_SSD), Case.of("hdd", HddDisk.Options.class,
            HDD), Case.of("raid5", Raid5Disk.Options.class, RAID5), Case.of("ceph-rbd", CephRbdDisk.Options.class, CEPH_RBD),
            Case.of("cloud-block", CloudBlockDisk.Options.class, CLOUD_BLOCK), Case.of("empirical", EmpiricalDisk.Options.class,
            EMPIRICAL));
    public static final Section<DiskSpec> MODEL_SECTION = MS.build();

    private static final Section.Builder<DeviceSpec> DV = Section.builder("disks");
    public static final Key<DeviceSpec, Boolean> PER_MEMBER = DV.readOnly("per-member", Types.BOOLEAN, Default.of(false),
            "one device per member, named `<name>-n<id>`, each with its own copy of the neighbours; otherwise one device that "
            + "every member naming it shares");

    static {
        DV.inline("model", MODEL_SECTION, DeviceSpec::disk, null);
        DV.list("neighbours", NeighbourSchema.NEIGHBOUR, DeviceSpec::neighbours, false, "other workloads on the device (below)");
    }

    public static final Section<DeviceSpec> DEVICE = DV.build();

    private static final Section.Builder<CephCluster.Options> CC = Section.builder("ceph-clusters", CEPH_D);
    public static final Key<CephCluster.Options, Integer> CEPH_OSDS = CC.key("osds", Types.ints(1, 10_000), CephCluster.Options::osdCount,
            "OSDs the cluster's objects spread over");
    public static final Key<CephCluster.Options, Integer> CEPH_REPLICATION = CC.key("replication", Types.ints(1, 10),
            CephCluster.Options::replicationFactor, "copies of each object; at most `osds`");
    public static final Key<CephCluster.Options, Long> CEPH_NETWORK_RTT = CC.key("network-rtt", Types.MICROS,
            CephCluster.Options::networkRttMicros, "round trip between client and OSDs");
    public static final Key<CephCluster.Options, Long> CEPH_OSD_SOFTWARE_LATENCY = CC.key("osd-software-latency", Types.MICROS,
            CephCluster.Options::osdSoftwareLatencyMicros, "OSD code path per operation");
    public static final Key<CephCluster.Options, Integer> CEPH_OSD_OP_THREADS = CC.key("osd-op-threads", Types.ints(1, 1024),
            CephCluster.Options::osdOpThreads, "operations an OSD serves at once");
    public static final Key<CephCluster.Options, Long> CEPH_OBJECT_SIZE = CC.key("object-size", Types.POSITIVE_SIZE,
            CephCluster.Options::objectSizeBytes, "RBD object size: how an image maps to OSDs");
    public static final Key<CephCluster.Options, Double> CEPH_JITTER = CC.key("jitter-sigma", SIGMA, CephCluster.Options::jitterSigma,
            SIGMA_DOC);

    static {
        CC.nested("osd", "disk mapping", () -> MODEL_SECTION, CephCluster.Options::osd,
                Default.text("`nvme` with power-loss protection"), "each OSD's disk: a mapping with its own `model` and options");
    }

    public static final Section<CephCluster.Options> CEPH_CLUSTER = CC.build();

    private DiskSchema() {
    }
}
