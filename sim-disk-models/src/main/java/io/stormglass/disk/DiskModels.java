package io.stormglass.disk;

import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DeviceFactory;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.disk.model.FsJournal;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.engine.storage.BlockDevice;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds devices from {@link DiskSpec}s for one run. Ceph images that name the same cluster get
 * the same {@link CephCluster} object, so several VMs' disks load the same OSDs.
 */
public final class DiskModels implements DeviceFactory {
    private final DiskEnv env;
    private final Map<String, CephCluster> clusters = new TreeMap<>();

    public DiskModels(DiskEnv env) {
        this.env = env;
    }

    public DiskEnv env() {
        return env;
    }

    /** A new device called {@code name} (the metrics' {@code device} label, the random stream {@code disk/<name>}). */
    @Override
    public BlockDevice create(String name, DiskSpec spec) {
        // Java 17 has no pattern switch; DiskSpec is sealed, so this chain is exhaustive
        if (spec instanceof NvmeDisk.Options o) {
            return NvmeDisk.create(env, name, o);
        } else if (spec instanceof SataSsdDisk.Options o) {
            return SataSsdDisk.create(env, name, o);
        } else if (spec instanceof HddDisk.Options o) {
            return HddDisk.create(env, name, o);
        } else if (spec instanceof Raid5Disk.Options o) {
            return new Raid5Disk(env, name, o, this);
        } else if (spec instanceof CephRbdDisk.Options o) {
            return new CephRbdDisk(env, name, o, cluster(o.clusterName(), o.cluster()));
        } else if (spec instanceof CloudBlockDisk.Options o) {
            return CloudBlockDisk.create(env, name, o);
        } else if (spec instanceof EmpiricalDisk.Options o) {
            return EmpiricalDisk.create(env, name, o);
        }
        throw new IllegalArgumentException("unknown disk spec " + spec);
    }

    /**
     * The device called {@code name} as a file system on it sees it: the model behind the file
     * system's metadata journal, so that each fdatasync after new writes pays a journal commit
     * ({@link FsJournal}). Composite models' parts ({@link #create}) have no journal of their own.
     */
    public BlockDevice createVolume(String name, DiskSpec spec, FsJournal.Options journal) {
        return new FsJournal(create(name, spec), env.scheduler(), journal);
    }

    /** The cluster called {@code name}, created on first use; later users must pass equal options. */
    public CephCluster cluster(String name, CephCluster.Options options) {
        CephCluster existing = clusters.get(name);
        if (existing == null) {
            existing = new CephCluster(env, name, options, this);
            clusters.put(name, existing);
        } else if (!existing.options().equals(options)) {
            throw new IllegalArgumentException("Ceph cluster " + name + " already configured differently");
        }
        return existing;
    }
}
