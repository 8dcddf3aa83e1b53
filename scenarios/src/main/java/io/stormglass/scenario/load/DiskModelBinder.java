package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.DiskSchema.*;

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
import java.util.SortedMap;

/**
 * Binds one disk model's mapping ({@code model: ceph-rbd} and its options) to the model's
 * options record, reading each option through its key in {@link io.stormglass.scenario.schema.DiskSchema}
 * (which holds the keys, units, bounds and defaults); here are only the checks between keys.
 */
final class DiskModelBinder {
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
        String model = Fields.kind(m, MODEL.name(), MODEL.words());
        if (model == null) {
            return null;
        }
        if (nested && (model.equals("raid5") || model.equals("ceph-rbd"))) {
            m.problem(MODEL.name(), "a member or OSD device cannot be " + model + "; use nvme, sata-ssd, hdd, cloud-block or empirical");
            m.acceptRest();
            return null;
        }
        return switch (model) {
            case "nvme" -> new NvmeDisk.Options(NVME_PLP.read(m), NVME_READ.read(m), NVME_WRITE.read(m), NVME_FLUSH.read(m),
                    NVME_PLP_FLUSH.read(m), NVME_CHANNELS.read(m), NVME_BANDWIDTH.read(m), NVME_JITTER.read(m));
            case "sata-ssd" -> new SataSsdDisk.Options(SATA_READ.read(m), SATA_WRITE.read(m), SATA_FLUSH.read(m), SATA_CHANNELS.read(m),
                    SATA_BANDWIDTH.read(m), SATA_JITTER.read(m));
            case "hdd" -> hdd(m);
            case "raid5" -> raid5(m);
            case "ceph-rbd" -> cephRbd(m);
            case "cloud-block" -> cloudBlock(m);
            default -> empirical.bind(m);
        };
    }

    private static HddDisk.Options hdd(MapReader m) {
        double averageSeek = HDD_AVERAGE_SEEK.read(m);
        double trackToTrack = HDD_TRACK_TO_TRACK.read(m);
        if (trackToTrack > averageSeek) {
            HDD_TRACK_TO_TRACK.problem(m, "must not exceed average-seek (" + averageSeek + "ms)");
        }
        long capacity = HDD_CAPACITY.read(m);
        return new HddDisk.Options(HDD_RPM.read(m), capacity, averageSeek, trackToTrack, HDD_MEDIA_RATE.read(m),
                HDD_INTERFACE_RATE.read(m), HDD_COMMAND_OVERHEAD.read(m), HDD_WRITE_CACHE.read(m), HDD_WRITE_CACHE_SIZE.read(m));
    }

    private Raid5Disk.Options raid5(MapReader m) {
        DiskSpec member = nestedDisk(m, "member", Raid5Disk.Options.defaults().member());
        int members = RAID5_MEMBERS.read(m);
        long stripe = RAID5_STRIPE_UNIT.read(m);
        long cache = RAID5_WRITE_BACK_CACHE.read(m);
        long controller = RAID5_CONTROLLER_LATENCY.read(m);
        return member == null ? null : new Raid5Disk.Options(members, member, stripe, cache, controller);
    }

    /** The disk under {@code key} (a RAID member, an OSD): {@code dflt} if absent, null after a problem. */
    private DiskSpec nestedDisk(MapReader m, String key, DiskSpec dflt) {
        return m.optionalMap(key).map(r -> {
            DiskSpec s = bind(r, true);
            r.finish();
            return s;
        }).orElse(dflt);
    }

    private CephRbdDisk.Options cephRbd(MapReader m) {
        String clusterName = RBD_CLUSTER.read(m);
        CephCluster.Options cluster = cephClusters.get(clusterName);
        if (cluster == null) {
            if (cephClustersDeclared) {
                String hint = Suggestions.closest(clusterName, cephClusters.keySet())
                        .map(c -> " (did you mean " + c + "?)").orElse("");
                RBD_CLUSTER.problem(m, "no Ceph cluster named '" + clusterName + "' in ceph-clusters"
                        + (cephClusters.isEmpty() ? "" : "; declared: " + String.join(", ", cephClusters.keySet())) + hint);
            }
            cluster = CephCluster.Options.defaults();
        }
        return new CephRbdDisk.Options(clusterName, cluster, RBD_IOPS_LIMIT.read(m), RBD_IOPS_BURST.read(m),
                RBD_IOPS_BURST_DURATION.read(m), RBD_BANDWIDTH_LIMIT.read(m), RBD_BANDWIDTH_BURST.read(m),
                RBD_BANDWIDTH_BURST_DURATION.read(m), RBD_QOS_TICK.read(m), RBD_GUEST_QUEUE_DEPTH.read(m));
    }

    /** One entry of {@code ceph-clusters:}. */
    CephCluster.Options cephCluster(MapReader m) {
        CephCluster.Options d = CephCluster.Options.defaults();
        DiskSpec osd = nestedDisk(m, "osd", d.osd());
        int osds = CEPH_OSDS.read(m);
        int replication = CEPH_REPLICATION.read(m);
        if (replication > osds) {
            CEPH_REPLICATION.problem(m, "needs at least as many osds (" + osds + ")");
            replication = osds;
        }
        CephCluster.Options o = new CephCluster.Options(osds, replication, CEPH_NETWORK_RTT.read(m), CEPH_OSD_SOFTWARE_LATENCY.read(m),
                CEPH_OSD_OP_THREADS.read(m), CEPH_OBJECT_SIZE.read(m), osd == null ? d.osd() : osd, CEPH_JITTER.read(m));
        m.finish();
        return o;
    }

    /**
     * A cloud volume: the preset (gp3, io2, or gp2 and pd-ssd sized by {@code volume-size}) gives the defaults of the
     * other keys.
     */
    private static CloudBlockDisk.Options cloudBlock(MapReader m) {
        String preset = CLOUD_PRESET.read(m);
        long bytes = CLOUD_VOLUME_SIZE.read(m);
        boolean sized = preset.equals("gp2") || preset.equals("pd-ssd");
        if (CLOUD_VOLUME_SIZE.in(m) && bytes < (1L << 30) && !sized) {
            CLOUD_VOLUME_SIZE.problem(m, "must be at least 1GiB");
        }
        if (sized && bytes < (1L << 30)) {
            CLOUD_VOLUME_SIZE.problem(m, "a " + preset + " volume needs its size (at least 1GiB): its baseline IOPS are "
                    + (preset.equals("gp2") ? "3" : "30") + " per GiB");
        }
        CloudBlockDisk.Options d = CloudBlockDisk.Options.gp3();
        if (preset.equals("gp2")) {
            d = CloudBlockDisk.Options.gp2(Math.max(1, bytes >> 30));
        } else if (preset.equals("pd-ssd")) {
            d = CloudBlockDisk.Options.pdSsd(Math.max(1, bytes >> 30));
        } else if (preset.equals("io2")) {
            d = CloudBlockDisk.Options.io2(3000); // iops-limit below sets the provisioned IOPS
        }
        return new CloudBlockDisk.Options(CLOUD_IOPS_LIMIT.read(m, d.iopsLimit()), CLOUD_THROUGHPUT.read(m, d.throughputMiBps()),
                CLOUD_BURST_IOPS.read(m, d.burstIops()), CLOUD_BURST_BALANCE.read(m, d.burstBalanceIos()),
                CLOUD_QOS_TICK.read(m, d.qosTickMillis()), CLOUD_IO_UNIT.read(m, d.ioUnitKiB()),
                CLOUD_WRITE.read(m, d.writeLatencyMicros()), CLOUD_READ.read(m, d.readLatencyMicros()),
                CLOUD_FLUSH.read(m, d.flushLatencyMicros()), CLOUD_CHANNELS.read(m, d.channels()), CLOUD_JITTER.read(m, d.jitterSigma()));
    }
}
