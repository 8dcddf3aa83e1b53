package io.stormglass.scenario.model;

import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.neighbour.NeighbourSpec;
import java.util.List;

/**
 * A block device: its model and the other workloads that use it. Several members' directories
 * may sit on one device; Ceph RBD images name the Ceph cluster that backs them.
 *
 * @param name       the device's name in the scenario ({@code vm1}, {@code shared-ceph})
 * @param disk       the model and its options
 * @param neighbours background workloads on the device
 */
public record DeviceSpec(String name, DiskSpec disk, List<NamedNeighbour> neighbours) {
    public DeviceSpec {
        neighbours = List.copyOf(neighbours);
    }

    /** A neighbour workload with its name (for metrics and the timeline). */
    public record NamedNeighbour(String name, NeighbourSpec spec) {
    }
}
