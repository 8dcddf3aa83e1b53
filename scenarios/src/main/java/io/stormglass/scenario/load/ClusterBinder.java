package io.stormglass.scenario.load;

import io.stormglass.net.Placement;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Flavour;
import io.stormglass.scenario.model.ClusterSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.MapReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds {@code cluster:}: etcd's flags under etcd's names and defaults, the CPU costs, and the
 * members (device, placement and clock of each, with per-member overrides under
 * {@code members:}). The timing keys and their rules are {@link RaftTimingBinder}'s.
 */
final class ClusterBinder {
    static final long MS = 1_000_000L;
    /** Largest cluster accepted (etcd recommends 3, 5 or 7 members; 9 leaves room for experiments). */
    static final int MAX_SIZE = 9;

    private ClusterBinder() {
    }

    static int size(MapReader cluster) {
        return (int) cluster.integer("size", 3, 1, MAX_SIZE);
    }

    static ClusterSpec bind(MapReader c, int size, DeviceBinder.Devices devices) {
        RaftSpec raft = raft(c);
        String defaultWal = defaultWalDisk(c, devices);
        Map<Integer, MapReader> overrides = memberOverrides(c, size);
        List<MemberSpec> members = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            members.add(member(id, overrides.get(id), c, defaultWal, devices));
        }
        return new ClusterSpec(raft, members);
    }

    /** Member {@code id}: its override {@code m} (null if none) over the cluster-wide settings of {@code c}. */
    private static MemberSpec member(int id, MapReader m, MapReader c, String defaultWal, DeviceBinder.Devices devices) {
        boolean ownWal = m != null && m.has("wal-disk");
        String walName = ownWal ? m.string("wal-disk", defaultWal) : defaultWal;
        if (walName == null) {
            walDiskRequired(c, devices);
        }
        String wal = walName == null ? null : devices.resolve(walName, id, ownWal ? m : c, "wal-disk");
        String data;
        if (m != null && m.has("data-disk")) {
            data = devices.resolve(m.string("data-disk", ""), id, m, "data-disk");
        } else if (c.has("data-disk")) {
            data = devices.resolve(c.string("data-disk", ""), id, c, "data-disk");
        } else {
            data = wal; // etcd keeps the WAL under data-dir unless wal-dir is set
        }
        Placement placement = Placement.local();
        ClockOptions clock = ClockOptions.perfect();
        if (m != null) {
            placement = Fields.build(m, "region", () -> new Placement(m.string("region", "local"), m.string("zone", "local"),
                    m.string("rack", "local")), Placement.local());
            long drift = m.ppm("clock-drift", 0);
            long offsetNanos = m.signedDurationNanos("clock-offset", 0);
            clock = Fields.build(m, "clock-drift", () -> new ClockOptions(drift, offsetNanos / 1e6), ClockOptions.perfect());
            m.finish();
        }
        return new MemberSpec(id, wal == null ? "" : wal, data == null ? "" : data, placement, clock);
    }

    /**
     * The disk of members that name none: {@code cluster.wal-disk}, else the only per-member disk,
     * else the only disk; null if that is ambiguous (a problem only for a member that names none).
     */
    private static String defaultWalDisk(MapReader c, DeviceBinder.Devices devices) {
        if (c.has("wal-disk")) {
            return c.string("wal-disk", null);
        }
        if (devices.perMemberGroups().size() == 1) {
            return devices.perMemberGroups().first();
        }
        if (devices.perMemberGroups().isEmpty() && devices.devices().size() == 1) {
            return devices.devices().firstKey();
        }
        return null;
    }

    private static void walDiskRequired(MapReader c, DeviceBinder.Devices devices) {
        if (devices.namesForMembers().size() < 2) {
            return; // the disks could not be read: their own problems say why, a choice among none helps nobody
        }
        c.problems().add(c.location(), c.keyPath("wal-disk"), "required when disks declares more than one disk; one of: "
                + String.join(", ", devices.namesForMembers()));
    }

    /** {@code members:}, keyed by member id. */
    private static Map<Integer, MapReader> memberOverrides(MapReader c, int size) {
        Map<Integer, MapReader> out = new TreeMap<>();
        c.optionalMap("members").ifPresent(members -> {
            for (String key : members.keys()) {
                int id;
                try {
                    id = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    members.problem(key, "expected a member id 1.." + size + ", got " + Quote.of(key));
                    members.has(key);
                    continue;
                }
                if (id < 1 || id > size) {
                    members.problem(key, "member " + id + " does not exist: cluster.size is " + size);
                    members.has(key);
                    continue;
                }
                members.optionalMap(key).ifPresent(m -> out.put(id, m));
            }
            members.finish();
        });
        return out;
    }

    private static RaftSpec raft(MapReader c) {
        Flavour flavour = RaftTimingBinder.flavour(c);
        RaftTimingBinder.Timing t = RaftTimingBinder.bind(c, flavour);
        boolean etcd = flavour == Flavour.ETCD;
        return new RaftSpec(t.heartbeatNanos(), t.electionMinNanos(), c.bool("pre-vote", etcd), c.bool("check-quorum", etcd),
                c.integer("snapshot-count", 100_000, 1, Long.MAX_VALUE),
                c.integer("snapshot-catch-up-entries", 5_000, 1, Long.MAX_VALUE),
                (int) c.integer("max-inflight-msgs", 512, 1, 1 << 20),
                Fields.positiveSize(c, "max-size-per-msg", 1L << 20),
                Fields.positiveNanos(c, "backend-batch-interval", 100 * MS),
                (int) c.integer("backend-batch-limit", 10_000, 1, Integer.MAX_VALUE), cpu(c), flavour, t.tickNanos(),
                t.electionMaxNanos());
    }

    private static CpuCosts cpu(MapReader c) {
        CpuCosts d = CpuCosts.defaults();
        return c.optionalMap("cpu").map(m -> {
            CpuCosts costs = new CpuCosts(m.durationNanos("step-message", d.stepMessageNanos()),
                    m.durationNanos("ready", d.readyNanos()), m.durationNanos("persist-entry", d.persistEntryNanos()),
                    m.durationNanos("apply-entry", d.applyEntryNanos()), m.durationNanos("request", d.requestNanos()));
            m.finish();
            return costs;
        }).orElse(d);
    }
}
