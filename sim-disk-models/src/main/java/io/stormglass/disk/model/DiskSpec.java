package io.stormglass.disk.model;

/**
 * The configuration of one disk model: a closed family of flat options records, one per model.
 * {@code io.stormglass.disk.DiskModels} turns a spec into a device.
 */
public sealed interface DiskSpec permits NvmeDisk.Options, SataSsdDisk.Options, HddDisk.Options, Raid5Disk.Options,
        CephRbdDisk.Options, CloudBlockDisk.Options, EmpiricalDisk.Options {
    /** Short model name as written in scenarios ({@code "nvme"}, {@code "ceph-rbd"}). */
    String model();
}
