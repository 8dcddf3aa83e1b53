package io.stormglass.experiment.fuzz;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One random fault as flat numbers, so that a shrinker (jqwik's or {@link ScheduleShrinker})
 * makes it smaller by moving numbers towards zero; {@link #toFault} turns it into the scenario's
 * fault. Every number is taken modulo its range, so any combination is valid.
 *
 * @param kind   the fault
 * @param atMs   start, in simulated milliseconds from the start of the run
 * @param forMs  duration in milliseconds (a crashed member restarts after it)
 * @param target a member (modulo the cluster size) or, for partitions, a bit set of members
 *               (bit i = member i+1) forming one side
 * @param param  kind-specific: the crash mode, the slow-down factor, the loss or duplication rate,
 *               the reordering window, the flapping period, the clock drift (for a campaign
 *               or a move-leader, instant actions, the duration is not used)
 */
public record FaultDraw(FaultKind kind, int atMs, int forMs, int target, int param) {
    private static final long MS = 1_000_000L;
    /**
     * How soon, at the least, an operator's script issues its next membership command after the previous one
     * (two {@code etcdctl member} calls in a row): 4 to 12 ms later, the second change reaches the leader
     * while the first is still being applied (refused), or once it is applied but the snapshot that brings a
     * new member in is still to be sent (a configuration change pending while a snapshot goes out; at 3 ms
     * 1 seed of 10 of a fixed pair reached that, at 6 and 10 ms 2 of 10, at 15 ms none).
     */
    static final long BACK_TO_BACK_NANOS = 4 * MS;

    /** A membership change issued right after the previous one (a quarter of them; {@code param}'s low bits pick the change). */
    private static boolean backToBack(FaultDraw d) {
        return Math.floorMod(d.param() / 4, 4) == 0;
    }

    /** The member this draw targets, 1..size. */
    int member(int size) {
        return 1 + Math.floorMod(target, size);
    }

    /** The fault this draw stands for in {@code base}. */
    public FaultSpec toFault(Scenario base) {
        int size = base.cluster().size();
        FaultSpec.Timing t = FaultSpec.Timing.once(atMs * MS, Math.max(1, forMs) * MS);
        MemberSpec m = base.cluster().members().get(member(size) - 1);
        return switch (kind) {
            case CRASH -> new FaultSpec.MemberCrash(t, m.id(), crashMode());
            case LEADER_CRASH -> new FaultSpec.LeaderCrash(t, crashMode());
            case CAMPAIGN -> new FaultSpec.Campaign(FaultSpec.Timing.once(atMs * MS, 0), m.id());
            case MOVE_LEADER -> new FaultSpec.MoveLeader(FaultSpec.Timing.once(atMs * MS, 0), m.id());
            case PARTITION -> new FaultSpec.Partition(t, NetworkFault.Split.of(side(size), others(size)), 0, true);
            case ISOLATE_LEADER -> new FaultSpec.Partition(t, NetworkFault.Split.of(minority(size), othersThan(minority(size), size)), 0,
                    true);
            case ONE_WAY -> new FaultSpec.Partition(t, new NetworkFault.OneWay(side(size), others(size)), 0, true);
            case FLAPPING -> new FaultSpec.Partition(t, NetworkFault.Split.of(side(size), others(size)),
                    (20 + Math.floorMod(param, 500)) * MS, true);
            case DISK_STALL -> new FaultSpec.DiskFault(t, m.walDevice(), new DeviceFault.Stall());
            case DISK_SLOW -> new FaultSpec.DiskFault(t, m.walDevice(), new DeviceFault.Slow(2 + Math.floorMod(param, 99)));
            case PACKET_LOSS -> new FaultSpec.Degrade(t, ratePpm(), 0, 0);
            case DUPLICATE -> new FaultSpec.Degrade(t, 0, ratePpm(), 0);
            case REORDER -> new FaultSpec.Degrade(t, 0, 0, (1 + Math.floorMod(param, 200)) * MS);
            case CLOCK_DRIFT -> new FaultSpec.ClockDrift(t, m.id(), driftPpm());
            case MEMBER_CHANGE -> throw new IllegalArgumentException("a membership change depends on those before it: see schedule");
        };
    }

    private CrashMode crashMode() {
        return CrashMode.values()[Math.floorMod(param, CrashMode.values().length)];
    }

    /** 1 % to 50 %. */
    private long ratePpm() {
        return (1 + Math.floorMod(param, 50)) * 10_000L;
    }

    /** ±1 000 to ±100 000 ppm (10 %: the most a scenario's clock may drift); the sign from the parameter's parity. */
    private long driftPpm() {
        long magnitude = (1 + Math.floorMod(param, 100)) * 1_000L;
        return Math.floorMod(param, 2) == 0 ? magnitude : -magnitude;
    }

    /** One side of a partition: the members in {@code target}'s bit set, never empty nor everyone (then member 1 alone). */
    SortedSet<Integer> side(int size) {
        SortedSet<Integer> side = new TreeSet<>();
        for (int id = 1; id <= size; id++) {
            if (((target >> (id - 1)) & 1) == 1) {
                side.add(id);
            }
        }
        return side.isEmpty() || side.size() == size ? new TreeSet<>(List.of(1)) : side;
    }

    /**
     * The target with up to {@code (size-1)/2 - 1} members after it (ids wrapping), as many as the parameter says: a
     * minority. Alone, a cut-off leader hears no follower; with company (5 members and more) it still gets its
     * heartbeats acknowledged by some, the case where a ReadIndex round confirmed by fewer than a quorum shows.
     */
    private SortedSet<Integer> minority(int size) {
        int count = 1 + Math.floorMod(param, Math.max(1, (size - 1) / 2));
        SortedSet<Integer> side = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            side.add(1 + Math.floorMod(member(size) - 1 + i, size));
        }
        return side;
    }

    private SortedSet<Integer> others(int size) {
        return othersThan(side(size), size);
    }

    private static SortedSet<Integer> othersThan(SortedSet<Integer> side, int size) {
        SortedSet<Integer> rest = new TreeSet<>();
        for (int id = 1; id <= size; id++) {
            if (!side.contains(id)) {
                rest.add(id);
            }
        }
        return rest;
    }

    /** The faults of a whole schedule in start order, clipped to the run (a draw starting after its end is left out). */
    public static List<FaultSpec> schedule(Scenario base, List<FaultDraw> draws) {
        List<FaultSpec> faults = new ArrayList<>();
        List<FaultDraw> changes = new ArrayList<>();
        for (FaultDraw d : draws) {
            if (d.kind() == FaultKind.MEMBER_CHANGE) {
                changes.add(d);
                continue;
            }
            FaultSpec f = d.toFault(base);
            if (f.timing().atNanos() < base.durationNanos()) {
                faults.add(f);
            }
        }
        // membership changes are instants, each valid after those before it: converted in time order
        changes.sort(java.util.Comparator.comparingInt(FaultDraw::atMs));
        MembershipWalk walk = new MembershipWalk(base);
        long previous = -1;
        for (FaultDraw d : changes) {
            long at = backToBack(d) && previous >= 0 ? previous + BACK_TO_BACK_NANOS + Math.floorMod(d.param() / 16, 9) * MS
                    : d.atMs() * MS;
            FaultSpec.MemberChange c = at < base.durationNanos() ? walk.next(FaultSpec.Timing.once(at, 0), d) : null;
            if (c != null) {
                faults.add(c);
                previous = at;
            }
        }
        faults.sort(java.util.Comparator.comparingLong(f -> f.timing().atNanos()));
        return faults;
    }
}
