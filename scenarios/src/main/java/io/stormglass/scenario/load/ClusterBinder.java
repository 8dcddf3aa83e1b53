package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.ClusterSchema.*;

import io.stormglass.net.Placement;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.engine.exec.CpuSpec;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Flavour;
import io.stormglass.raft.server.MvccOptions;
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

    private ClusterBinder() {
    }

    static int size(MapReader cluster) {
        return SIZE.read(cluster);
    }

    /** {@code spare-members}: members built but not in the initial cluster. */
    static int spares(MapReader cluster, int size) {
        int spares = SPARE_MEMBERS.read(cluster, 0);
        if (size + spares > MAX_SIZE) {
            SPARE_MEMBERS.problem(cluster, "with size " + size + " makes " + (size + spares) + " members; at most " + MAX_SIZE + " in all");
            return Math.max(0, MAX_SIZE - size);
        }
        return spares;
    }

    /** The cluster of {@code size} initial members and {@code spares} spare members after them. */
    static ClusterSpec bind(MapReader c, int size, int spares, DeviceBinder.Devices devices) {
        RaftSpec raft = raft(c);
        String defaultWal = defaultWalDisk(c, devices);
        Map<Integer, MapReader> overrides = memberOverrides(c, size + spares, spares > 0);
        List<MemberSpec> members = new ArrayList<>();
        List<MemberSpec> spareMembers = new ArrayList<>();
        for (int id = 1; id <= size + spares; id++) {
            (id <= size ? members : spareMembers).add(member(id, overrides.get(id), c, defaultWal, devices));
        }
        return new ClusterSpec(raft, members, spareMembers,
                c.optionalMap("mvcc").map(ClusterBinder::mvcc).orElse(MvccOptions.defaults()));
    }

    /** {@code cluster.mvcc:}; the retention is read as etcd reads it, by mode. */
    private static MvccOptions mvcc(MapReader m) {
        MvccOptions.AutoCompactionMode mode = AUTO_COMPACTION_MODE.read(m);
        String text = AUTO_COMPACTION_RETENTION.read(m).strip();
        long retention = 0;
        if (text.matches("[0-9]+")) {
            long n = Long.parseLong(text);
            // etcd: in periodic mode a bare number is hours
            retention = mode == MvccOptions.AutoCompactionMode.REVISION ? n : n * 3_600_000_000_000L;
        } else if (mode == MvccOptions.AutoCompactionMode.REVISION) {
            AUTO_COMPACTION_RETENTION.problem(m, "expected a number of revisions in revision mode, got " + Quote.of(text));
        } else {
            retention = m.durationNanos(AUTO_COMPACTION_RETENTION.name(), 0);
        }
        MvccOptions read = new MvccOptions(mode, retention, QUOTA_BACKEND_BYTES.read(m), PRELOAD_IN_USE.read(m),
                PRELOAD_FREE.read(m), PRELOAD_RECORD_SIZE.read(m), PAGE_CACHE.read(m));
        m.finish();
        return read;
    }

    /** Member {@code id}: its override {@code m} (null if none) over the cluster-wide settings of {@code c}. */
    private static MemberSpec member(int id, MapReader m, MapReader c, String defaultWal, DeviceBinder.Devices devices) {
        boolean ownWal = m != null && MEMBER_WAL_DISK.in(m);
        String walName = ownWal ? MEMBER_WAL_DISK.read(m, defaultWal) : defaultWal;
        if (walName == null) {
            walDiskRequired(c, devices);
        }
        String wal = walName == null ? null : devices.resolve(walName, id, ownWal ? m : c, WAL_DISK.name());
        String data;
        if (m != null && MEMBER_DATA_DISK.in(m)) {
            data = devices.resolve(MEMBER_DATA_DISK.read(m, ""), id, m, DATA_DISK.name());
        } else if (DATA_DISK.in(c)) {
            data = devices.resolve(DATA_DISK.read(c, ""), id, c, DATA_DISK.name());
        } else {
            data = wal; // etcd keeps the WAL under data-dir unless wal-dir is set
        }
        Placement placement = Placement.local();
        ClockOptions clock = ClockOptions.perfect();
        if (m != null) {
            placement = Fields.build(m, REGION.name(), () -> new Placement(REGION.read(m), ZONE.read(m), RACK.read(m)), Placement.local());
            long drift = CLOCK_DRIFT.read(m);
            double offsetMs = CLOCK_OFFSET.read(m);
            clock = Fields.build(m, CLOCK_DRIFT.name(), () -> new ClockOptions(drift, offsetMs), ClockOptions.perfect());
            m.finish();
        }
        return new MemberSpec(id, wal == null ? "" : wal, data == null ? "" : data, placement, clock);
    }

    /**
     * The disk of members that name none: {@code cluster.wal-disk}, else the only per-member disk,
     * else the only disk; null if that is ambiguous (a problem only for a member that names none).
     */
    private static String defaultWalDisk(MapReader c, DeviceBinder.Devices devices) {
        if (WAL_DISK.in(c)) {
            return WAL_DISK.read(c);
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
        c.problems().add(c.location(), c.keyPath(WAL_DISK.name()), "required when disks declares more than one disk; one of: "
                + String.join(", ", devices.namesForMembers()));
    }

    /** {@code members:}, keyed by member id. */
    private static Map<Integer, MapReader> memberOverrides(MapReader c, int size, boolean spares) {
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
                    members.problem(key, "member " + id + " does not exist: " + (spares ? "cluster.size and spare-members make " : "cluster.size is ") + size);
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
        boolean checkQuorum = CHECK_QUORUM.read(c, etcd);
        return new RaftSpec(t.heartbeatNanos(), t.electionMinNanos(), PRE_VOTE.read(c, etcd), checkQuorum,
                SNAPSHOT_COUNT.read(c), SNAPSHOT_CATCH_UP_ENTRIES.read(c), MAX_INFLIGHT_MSGS.read(c), MAX_SIZE_PER_MSG.read(c),
                BACKEND_BATCH_INTERVAL.read(c), BACKEND_BATCH_LIMIT.read(c), cpu(c), flavour, t.tickNanos(), t.electionMaxNanos(),
                STRICT_RECONFIG_CHECK.read(c), timerSlack(c, flavour), readOnly(c, checkQuorum), LEASE_DRIFT_BOUND.read(c));
    }

    /** {@code read-only}: a lease rests on the followers' CheckQuorum promise not to vote, so it needs check-quorum. */
    private static ReadOnlyOption readOnly(MapReader c, boolean checkQuorum) {
        ReadOnlyOption option = READ_ONLY.read(c);
        if (option == ReadOnlyOption.LEASE_BASED && !checkQuorum) {
            READ_ONLY.problem(c, "lease-based reads need check-quorum: true (a lease rests on the followers' promise not to "
                    + "vote while they hear from a leader), found check-quorum off");
            return ReadOnlyOption.SAFE;
        }
        return option;
    }

    /** {@code timer-slack}: plain Raft's timer thread only; an etcd member's election timer counts ticks. */
    private static long timerSlack(MapReader c, Flavour flavour) {
        long slack = TIMER_SLACK.read(c, RaftSpec.defaultTimerSlackNanos(flavour));
        if (flavour == Flavour.ETCD && TIMER_SLACK.in(c)) {
            TIMER_SLACK.problem(c, "applies to flavour: plain-raft only (an etcd member's election timer counts ticks, it has "
                    + "no timer thread to wake late), found with flavour etcd");
            return 0;
        }
        return slack;
    }

    /**
     * {@code cpus} (vCPUs, 0 for a core per thread), {@code threads-per-core} and {@code cpu:} (the
     * cost of each kind of work, {@link CpuCosts}); unset costs keep their defaults.
     */
    private static CpuCosts cpu(MapReader c) {
        CpuCosts d = CpuCosts.defaults();
        int cpus = CPUS.read(c);
        int threads = THREADS_PER_CORE.read(c);
        if (cpus > 0 && threads > cpus) {
            THREADS_PER_CORE.problem(c, "must not exceed cpus (" + cpus + ")");
            threads = 1;
        }
        CpuSpec cores = cpus == 0 ? null : threads == 1 ? new CpuSpec(cpus, 1, 1) : new CpuSpec(cpus, threads, CpuSpec.INTEL_SMT_GAIN);
        return c.optionalMap("cpu").map(m -> {
            CpuCosts read = new CpuCosts(cores, GRPC_REQUEST.read(m), GRPC_PER_KIB.read(m), GRPC_STREAM_MESSAGE.read(m),
                    PROPOSE.read(m), RANGE.read(m), RANGE_KEY.read(m), STEP_MESSAGE.read(m), READY.read(m), PERSIST_ENTRY.read(m),
                    PEER_MESSAGE.read(m), PEER_PER_KIB.read(m), APPLY_ENTRY.read(m), APPLY_PUT.read(m), LEASE.read(m),
                    COMMIT_KEY.read(m));
            m.finish();
            return read;
        }).orElse(d.withCores(cores));
    }
}
