package io.stormglass.disk.model;

import io.stormglass.engine.storage.BlockDevice;

/** Builds devices from specs; composite models (RAID5 members, Ceph OSDs) use it for their parts. */
@FunctionalInterface
public interface DeviceFactory {
    BlockDevice create(String name, DiskSpec spec);
}
