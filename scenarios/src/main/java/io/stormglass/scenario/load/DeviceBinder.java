package io.stormglass.scenario.load;

import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.schema.DiskSchema;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Suggestions;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binds {@code disks:} (and {@code ceph-clusters:}) into the scenario's devices.
 *
 * <p>A disk with {@code per-member: true} stands for one device per member, named
 * {@code <name>-n<id>} ({@code vm-n1}, {@code vm-n2}, ...), each with its own copy of the
 * neighbours; a member whose {@code wal-disk} names the group gets its own device. Without a
 * {@code disks:} section every member gets a device {@code disk-n<id>}: an NVMe drive without
 * power-loss protection (a typical cloud or bare-metal etcd host).
 */
final class DeviceBinder {
    /** The group every member uses when a scenario has no {@code disks:}. */
    static final String DEFAULT_GROUP = "disk";

    private DeviceBinder() {
    }

    /** What {@code disks:} declared: concrete devices and per-member groups. */
    record Devices(SortedMap<String, DeviceSpec> devices, TreeSet<String> perMemberGroups) {
        /** Every name a member's {@code wal-disk}/{@code data-disk} may use. */
        TreeSet<String> namesForMembers() {
            TreeSet<String> all = new TreeSet<>(devices.keySet());
            all.addAll(perMemberGroups);
            return all;
        }

        /**
         * The device {@code name} stands for on member {@code id}; null after recording a problem
         * at {@code key} of {@code r} if there is no such device.
         */
        String resolve(String name, int id, MapReader r, String key) {
            if (perMemberGroups.contains(name)) {
                return name + "-n" + id;
            }
            if (devices.containsKey(name)) {
                return name;
            }
            r.problem(key, unknown(name, namesForMembers()));
            return null;
        }

        /** A problem text for a device name that is not declared. */
        static String unknown(String name, Collection<String> declared) {
            String hint = Suggestions.closest(name, declared).map(c -> " (did you mean " + c + "?)").orElse("");
            return "no disk named '" + name + "'" + hint + "; disks: " + String.join(", ", declared);
        }
    }

    /**
     * @param runNanos how long the run lasts (what a trace neighbour's I/Os must fit in);
     *                 {@link io.stormglass.scenario.units.Units#MAX_DURATION_NANOS} when no run bounds it
     */
    static Devices bind(MapReader root, int memberCount, long runNanos) {
        SortedMap<String, DeviceSpec> devices = new TreeMap<>();
        TreeSet<String> groups = new TreeSet<>();
        if (!root.has("disks")) {
            if (root.has("ceph-clusters")) {
                root.problem("ceph-clusters", "no disk uses it: declare disks of model ceph-rbd naming the cluster");
            }
            DeviceSpec template = new DeviceSpec(DEFAULT_GROUP, NvmeDisk.Options.defaults(false), List.of());
            expand(template, memberCount, devices);
            groups.add(DEFAULT_GROUP);
            return new Devices(devices, groups);
        }
        SortedMap<String, CephCluster.Options> clusters = new TreeMap<>();
        // ceph-clusters that are not a mapping are reported once; the images naming a cluster then say nothing more
        boolean clustersDeclared = root.nodeOf("ceph-clusters") instanceof YamlNode.YamlMap;
        DiskModelBinder models = new DiskModelBinder(clusters, clustersDeclared, EmpiricalSources.create());
        for (Map.Entry<String, MapReader> e : root.mapOfMaps("ceph-clusters").entrySet()) {
            clusters.put(e.getKey(), models.cephCluster(e.getValue()));
        }
        for (Map.Entry<String, MapReader> e : root.mapOfMaps("disks").entrySet()) {
            String name = e.getKey();
            MapReader d = e.getValue();
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                // located at the name itself, which is what is wrong
                Location at = root.nodeOf("disks") instanceof YamlNode.YamlMap disks ? disks.entries().get(name).keyLocation() : d.location();
                d.problems().add(at, d.path(), "a disk name uses lower-case letters, digits and '-', got " + Quote.of(name));
                continue;
            }
            boolean perMember = DiskSchema.PER_MEMBER.read(d);
            DiskSpec bound = models.bind(d, false);
            List<DeviceSpec.NamedNeighbour> neighbours = NeighbourBinder.bind(d, runNanos);
            d.finish();
            // a disk that could not be bound (its problem is recorded) still exists for the members that name it
            DiskSpec spec = bound != null ? bound : NvmeDisk.Options.defaults(false);
            DeviceSpec device = new DeviceSpec(name, spec, neighbours);
            if (perMember) {
                groups.add(name);
                expand(device, memberCount, devices);
            } else {
                devices.put(name, device);
            }
        }
        for (String group : groups) {
            for (int id = 1; id <= memberCount; id++) {
                if (declared(root, group + "-n" + id)) {
                    root.problems().add(root.locationOf("disks"), "disks." + group + "-n" + id,
                            "clashes with member " + id + "'s device of the per-member disk '" + group + "'");
                }
            }
        }
        if (devices.isEmpty() && root.problems().isEmpty()) {
            root.problems().add(root.locationOf("disks"), "disks", "declares no disk; remove it for the default NVMe disks");
        }
        return new Devices(devices, groups);
    }

    private static boolean declared(MapReader root, String name) {
        return root.nodeOf("disks") instanceof YamlNode.YamlMap m && m.entries().containsKey(name);
    }

    private static void expand(DeviceSpec template, int memberCount, SortedMap<String, DeviceSpec> into) {
        for (int id = 1; id <= memberCount; id++) {
            String name = template.name() + "-n" + id;
            into.put(name, new DeviceSpec(name, template.disk(), template.neighbours()));
        }
    }
}
