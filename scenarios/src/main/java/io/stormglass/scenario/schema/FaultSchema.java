package io.stormglass.scenario.schema;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.yaml.MapReader;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * An entry of {@code faults:}, the fault timeline: a timing ({@code at}, {@code for},
 * {@code every}, {@code until}) and exactly one action, each action a key of its own with its
 * options. An action's key prints only for a fault of its kind.
 */
public final class FaultSchema {
    private static final ValueType<String> CRASH_TARGET = ValueType.of("member id or `leader`", MapReader::string, s -> s);
    private static final ValueType<Long> CHANCE = Types.SIGNED_PPM.check(v -> v > 0 && v <= 1_000_000,
            v -> "must be above 0% and at most 100%", "ppm, above 0");
    // member ids are read by FaultBinder, whose bounds depend on the cluster's size; these types print and document them
    private static final ValueType<SortedSet<Integer>> MEMBERS = ValueType.of("member id or list of them",
            (r, key, dflt) -> dflt, SortedSet::toString);
    private static final ValueType<List<SortedSet<Integer>>> GROUPS = ValueType.of("list of lists of member ids",
            (r, key, dflt) -> dflt, g -> g.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]")));
    private static final ValueType<String> DEVICE_TYPE = Types.TEXT.describedAs("device");
    private static final Default<String> DEVICE = Default.required("a text value");
    private static final Default<Long> ACTION = Default.shown(1L, "—");

    private static final Section.Builder<NetworkFault.OneWay> OW = Section.builder("faults.partition.one-way");
    public static final Key<NetworkFault.OneWay, SortedSet<Integer>> ONE_WAY_FROM = OW.key("from", MEMBERS, NetworkFault.OneWay::senders,
            Default.required("a member id"), "the senders cut");
    public static final Key<NetworkFault.OneWay, SortedSet<Integer>> ONE_WAY_TO = OW.key("to", MEMBERS, NetworkFault.OneWay::receivers,
            Default.required("a member id"), "from these receivers (not one of `from`)");
    private static final Section.Builder<NetworkFault.Clog> CG = Section.builder("faults.partition.clog");
    public static final Key<NetworkFault.Clog, Integer> CLOG_FROM = CG.key("from", Types.MEMBER_ID, NetworkFault.Clog::from,
            Default.required("a member id"), "the sender");
    public static final Key<NetworkFault.Clog, Integer> CLOG_TO = CG.key("to", Types.MEMBER_ID, NetworkFault.Clog::to,
            Default.required("a member id"), "the receiver");
    public static final Key<NetworkFault.Clog, Double> CLOG_DELAY = CG.key("delay", Types.MILLIS, NetworkFault.Clog::delayMs,
            Default.required("a duration such as 100ms"), "extra delay of every message in that direction");
    private static final Section<NetworkFault.OneWay> ONE_WAY = OW.build();
    private static final Section<NetworkFault.Clog> CLOG = CG.build();

    private static final Section.Builder<FaultSpec.Partition> PA = Section.builder("faults.partition");
    public static final Key<FaultSpec.Partition, Integer> ISOLATE = PA.key("isolate", Types.MEMBER_ID,
            p -> p.fault() instanceof NetworkFault.Isolate i ? i.node() : null, Default.shown(0, "—"), "cut this member from all others");
    public static final Key<FaultSpec.Partition, List<SortedSet<Integer>>> SPLIT = PA.key("split", GROUPS,
            p -> p.fault() instanceof NetworkFault.Split s ? s.groups() : null, Default.shown(List.of(), "—"),
            "groups such as `[[1], [2, 3]]` cut from each other; members named in no group form one more");

    static {
        PA.nested("one-way", "mapping", () -> ONE_WAY, p -> p.fault() instanceof NetworkFault.OneWay o ? o : null, Default.text("—"),
                "`{from: <id or list>, to: <id or list>}`: only that direction is cut");
        PA.nested("clog", "mapping", () -> CLOG, p -> p.fault() instanceof NetworkFault.Clog c ? c : null, Default.text("—"),
                "`{from, to, delay}`: extra delay on one direction");
    }

    public static final Key<FaultSpec.Partition, Boolean> CLIENTS = PA.key("clients", Types.choiceOf("cut", false, "connected", true),
            p -> p.sparesClients() ? true : null, Default.of(false), "`cut`: a client is a node like any other, cut from the members on "
            + "the other side; `connected`: only links between members are cut, as in Jepsen's partitions");
    private static final Section<FaultSpec.Partition> PARTITION = PA.build();

    private static final Section.Builder<FaultSpec.DiskFault> DS = Section.builder("faults.disk-slow");
    public static final Key<FaultSpec.DiskFault, String> SLOW_DEVICE = DS.key("device", DEVICE_TYPE, FaultSpec.DiskFault::device, DEVICE,
            "the device, as built (a per-member disk `vm` is `vm-n1`, `vm-n2`, …)");
    public static final Key<FaultSpec.DiskFault, Double> FACTOR = DS.key("factor", Types.number(1, 1_000_000),
            d -> ((DeviceFault.Slow) d.fault()).factor(), Default.required("how many times slower, such as 10"),
            "each request this many times slower");
    private static final Section<FaultSpec.DiskFault> DISK_SLOW = DS.build();
    private static final Section.Builder<FaultSpec.ClockStep> CS = Section.builder("faults.clock-step");
    public static final Key<FaultSpec.ClockStep, Integer> STEP_MEMBER = CS.key("member", Types.MEMBER_ID, FaultSpec.ClockStep::member,
            Default.required("a member id"), "whose clock");
    public static final Key<FaultSpec.ClockStep, Long> BY = CS.key("by", Types.SIGNED_DURATION, FaultSpec.ClockStep::stepNanos,
            Default.required("a signed duration such as -500ms"), "the step");
    private static final Section<FaultSpec.ClockStep> CLOCK_STEP = CS.build();
    private static final Section.Builder<FaultSpec.ClockDrift> CD = Section.builder("faults.clock-drift");
    public static final Key<FaultSpec.ClockDrift, Integer> DRIFT_MEMBER = CD.key("member", Types.MEMBER_ID, FaultSpec.ClockDrift::member,
            Default.required("a member id"), "whose clock");
    public static final Key<FaultSpec.ClockDrift, Long> DRIFT = CD.key("drift", Types.SIGNED_PPM.describedAs("ppm, signed, within ±"
            + ClockOptions.MAX_DRIFT_PPM + "ppm"), FaultSpec.ClockDrift::driftPpm, Default.required("parts per million such as 500ppm"),
            "the clock's rate error; with `for`, it lasts that long and the clock then runs at its configured rate again");
    private static final Section<FaultSpec.ClockDrift> CLOCK_DRIFT = CD.build();

    private static final Section.Builder<FaultSpec.WithholdAppends> WA = Section.builder("faults.withhold-appends");
    /** Read by the fault binder, which checks the ids against the cluster's size. */
    public static final Key<FaultSpec.WithholdAppends, SortedSet<Integer>> WITHHOLD_MEMBERS = WA.key("members", MEMBERS,
            a -> a.followers() > 0 ? null : new java.util.TreeSet<>(a.members()), Default.text("—"),
            "these members get no appends (heartbeats still reach them), so their logs fall behind");
    public static final Key<FaultSpec.WithholdAppends, Integer> WITHHOLD_FOLLOWERS = WA.key("followers", Types.ints(1, 8),
            a -> a.followers() > 0 ? a.followers() : null, Default.text("—"),
            "instead of `members`: this many followers of whoever leads when the fault starts, highest ids first, "
                    + "skipping those already withheld from (withholdings started one after another leave logs of different lengths)");
    private static final Section<FaultSpec.WithholdAppends> WITHHOLD_APPENDS = WA.build();

    private static final Section.Builder<FaultSpec.MemberChange> MR = Section.builder("faults.member-replace");
    public static final Key<FaultSpec.MemberChange, Integer> REPLACE_MEMBER = MR.key("member", Types.MEMBER_ID,
            FaultSpec.MemberChange::member, Default.required("a member id"), "the member replaced: it loses power, then it is removed");
    public static final Key<FaultSpec.MemberChange, Integer> REPLACE_WITH = MR.key("with", Types.MEMBER_ID,
            FaultSpec.MemberChange::with, Default.required("a spare member id"), "the spare added in its place (empty data dir)");
    private static final Section<FaultSpec.MemberChange> MEMBER_REPLACE = MR.build();

    private static final Section.Builder<FaultSpec.RollingRestart> RR = Section.builder("faults.rolling-restart");
    public static final Key<FaultSpec.RollingRestart, Long> RESTART_DOWN = RR.key("down", Types.POSITIVE_DURATION,
            FaultSpec.RollingRestart::downNanos, Default.of(10_000_000_000L), "how long each member's process is stopped");
    public static final Key<FaultSpec.RollingRestart, Boolean> RESTART_MOVE_LEADER = RR.key("move-leader", Types.BOOLEAN,
            FaultSpec.RollingRestart::moveLeader, Default.of(false), "a leader first hands leadership to the voter connected to it the longest (as etcd's graceful stop does)");
    private static final Section<FaultSpec.RollingRestart> ROLLING_RESTART = RR.build();

    private static final Section.Builder<FaultSpec> FA = Section.builder("faults");
    public static final Key<FaultSpec, Long> AT = FA.key("at", Types.DURATION, f -> f.timing().atNanos(),
            Default.required("a duration such as 100ms"), "first occurrence; at most `duration`");
    public static final Key<FaultSpec, Long> FOR = FA.key("for", Types.DURATION, f -> f.timing().forNanos(), Default.of(0L),
            "how long each occurrence lasts (0: instant, or a crash without restart)");
    public static final Key<FaultSpec, Long> EVERY = FA.key("every", Types.DURATION,
            f -> f.timing().everyNanos() > 0 ? f.timing().everyNanos() : null, Default.of(0L, "once"),
            "repeat period; `for` must be shorter, and longer than 0 except for clock faults");
    public static final Key<FaultSpec, Long> UNTIL = FA.key("until", Types.DURATION,
            f -> f.timing().everyNanos() > 0 && f.timing().untilNanos() > 0 ? f.timing().untilNanos() : null, Default.shown(-1L,
            "end of the run"), "with `every`: no occurrence starts after this; at least `at`");
    public static final Key<FaultSpec, String> CRASH = FA.key("crash", CRASH_TARGET, FaultSchema::crashTarget, Default.text("—"),
            "power loss of the member (or whoever leads then); it restarts after `for`, or stays down if `for` is 0");
    public static final Key<FaultSpec, CrashMode> CRASH_MODE = FA.key("crash-mode", Types.choiceOf("drop-unsynced", CrashMode.DROP_UNSYNCED,
            "keep-unsynced", CrashMode.KEEP_UNSYNCED, "torn-unsynced", CrashMode.TORN_UNSYNCED, "corrupt-unsynced",
            CrashMode.CORRUPT_UNSYNCED), FaultSchema::crashMode, Default.of(CrashMode.DROP_UNSYNCED),
            "with `crash`: what becomes of the writes not yet synced");
    public static final Key<FaultSpec, Long> FLAP_PERIOD = FA.key("flap-period", Types.DURATION,
            f -> f instanceof FaultSpec.Partition p && p.flapPeriodNanos() > 0 ? p.flapPeriodNanos() : null, Default.of(0L, "holds"),
            "with `partition`: toggles it this often");

    static {
        FA.nested("partition", "mapping", () -> PARTITION, f -> f instanceof FaultSpec.Partition p ? p : null, Default.text("—"),
                "exactly one of `isolate`, `split`, `one-way`, `clog` (below)");
    }

    public static final Key<FaultSpec, Long> PACKET_LOSS = FA.key("packet-loss", CHANCE,
            f -> f instanceof FaultSpec.Degrade d && d.lossPpm() > 0 ? d.lossPpm() : null, ACTION,
            "with `for`: messages between members lost (clients' links are spared)");
    public static final Key<FaultSpec, Long> DUPLICATE = FA.key("duplicate", CHANCE,
            f -> f instanceof FaultSpec.Degrade d && d.lossPpm() == 0 && d.duplicatePpm() > 0 ? d.duplicatePpm() : null, ACTION,
            "with `for`: messages between members delivered twice (never client requests or forwarded proposals, as TCP)");
    public static final Key<FaultSpec, Long> REORDER = FA.key("reorder", Types.POSITIVE_DURATION, FaultSchema::reorder, Default.shown(0L,
            "—"), "with `for`: a random extra delay below this on every message between members, which reorders");
    public static final Key<FaultSpec, String> DISK_STALL = FA.key("disk-stall", DEVICE_TYPE, f -> device(f, DeviceFault.Stall.class),
            Default.text("—"), "the device stops completing requests");

    static {
        FA.nested("disk-slow", "mapping", () -> DISK_SLOW, f -> f instanceof FaultSpec.DiskFault d && d.fault() instanceof DeviceFault.Slow
                ? d : null, Default.text("—"), "`{device, factor}` (below)");
    }

    public static final Key<FaultSpec, String> DISK_EIO = FA.key("disk-eio", DEVICE_TYPE, f -> device(f, DeviceFault.FlushError.class),
            Default.text("—"), "fdatasync fails with EIO");
    public static final Key<FaultSpec, String> DISK_ENOSPC = FA.key("disk-enospc", DEVICE_TYPE, f -> device(f, DeviceFault.NoSpace.class),
            Default.text("—"), "writes fail with ENOSPC");

    static {
        FA.nested("clock-step", "mapping", () -> CLOCK_STEP, f -> f instanceof FaultSpec.ClockStep c ? c : null, Default.text("—"),
                "`{member, by}` (below)");
        FA.nested("clock-drift", "mapping", () -> CLOCK_DRIFT, f -> f instanceof FaultSpec.ClockDrift c ? c : null, Default.text("—"),
                "`{member, drift}` (below)");
    }

    static {
        FA.nested("withhold-appends", "mapping", () -> WITHHOLD_APPENDS, f -> f instanceof FaultSpec.WithholdAppends a ? a : null,
                Default.text("—"), "with `for` (or to the end): exactly one of `members` or `followers` (below); the Raft paper's "
                + "survivors that cannot be elected (§9.3)");
    }

    public static final Key<FaultSpec, Integer> CAMPAIGN = FA.key("campaign", Types.MEMBER_ID,
            f -> f instanceof FaultSpec.Campaign c ? c.member() : null, Default.text("—"),
            "an instant action: this member starts an election (a first leader of one's choosing for failover trials)");

    public static final Key<FaultSpec, Integer> MEMBER_ADD = FA.key("member-add", Types.MEMBER_ID, f -> member(f,
            FaultSpec.MemberChange.Action.ADD, FaultSpec.MemberChange.Action.ADD_LEARNER), Default.text("—"),
            "an instant operator action: `etcdctl member add` of this spare member, sent to the leader, then the spare starts "
            + "with an empty data dir and catches up by snapshot");
    public static final Key<FaultSpec, Boolean> LEARNER = FA.key("learner", Types.BOOLEAN,
            f -> f instanceof FaultSpec.MemberChange c && c.action() == FaultSpec.MemberChange.Action.ADD_LEARNER ? true : null,
            Default.of(false), "with `member-add`: add it as a learner (`--learner`; promote it with `member-promote`)");
    public static final Key<FaultSpec, Integer> MEMBER_PROMOTE = FA.key("member-promote", Types.MEMBER_ID, f -> member(f,
            FaultSpec.MemberChange.Action.PROMOTE), Default.text("—"), "an instant action: `etcdctl member promote` of a learner "
            + "(etcd refuses while its log is below 90 % of the leader's)");
    public static final Key<FaultSpec, Integer> MEMBER_REMOVE = FA.key("member-remove", Types.MEMBER_ID, f -> member(f,
            FaultSpec.MemberChange.Action.REMOVE), Default.text("—"), "an instant action: `etcdctl member remove`; the removed member "
            + "stops once it applies its removal");

    static {
        FA.nested("member-replace", "mapping", () -> MEMBER_REPLACE, f -> f instanceof FaultSpec.MemberChange c
                && c.action() == FaultSpec.MemberChange.Action.REPLACE ? c : null, Default.text("—"),
                "`{member, with}` (below): replace a failed member: it loses power, is removed, and the spare `with` is added and started");
    }

    public static final Key<FaultSpec, String> MOVE_LEADER = FA.key("move-leader", ValueType.of("member id or `auto`", MapReader::string,
            t -> t), f -> f instanceof FaultSpec.MoveLeader m ? (m.member() > 0 ? String.valueOf(m.member()) : "auto") : null,
            Default.text("—"), "an instant action: etcd's `move-leader` to this member, or `auto`: the voter connected to the leader the longest (etcd's pick before a graceful stop)");

    static {
        FA.nested("rolling-restart", "mapping", () -> ROLLING_RESTART, f -> f instanceof FaultSpec.RollingRestart r ? r : null,
                Default.text("—"), "`{down, move-leader}` (below): restart the voters one at a time, each once the previous is "
                + "healthy again (applied index caught up with the leader's)");
    }

    private static final ValueType<String> MAINTENANCE_TARGET = ValueType.of("member id, `leader`, `followers` or `all`",
            MapReader::string, t -> t);
    public static final Key<FaultSpec, String> DEFRAG = FA.key("defrag", MAINTENANCE_TARGET,
            f -> maintenance(f, FaultSpec.Maintenance.Op.DEFRAG), Default.text("—"), "an instant action: online defragmentation "
            + "of these members, one after another in id order (`etcdctl defrag --cluster`); each holds its backend while it "
            + "rewrites the database through its data disk");
    public static final Key<FaultSpec, String> COMPACT = FA.key("compact", MAINTENANCE_TARGET,
            f -> maintenance(f, FaultSpec.Maintenance.Op.COMPACT), Default.text("—"),
            "an instant action: compact the history at this member's current revision (`etcdctl compact`)");
    public static final Key<FaultSpec, String> ALARM_DISARM = FA.key("alarm-disarm", MAINTENANCE_TARGET,
            f -> maintenance(f, FaultSpec.Maintenance.Op.ALARM_DISARM), Default.text("—"),
            "an instant action: disarm every NOSPACE alarm, proposed through this member (`etcdctl alarm disarm`)");

    public static final Section<FaultSpec> FAULT = FA.build();

    /** The actions, in the order messages list them; a fault has exactly one. */
    public static final List<String> ACTIONS = List.of(CRASH.name(), "partition", DISK_STALL.name(), "disk-slow", DISK_EIO.name(),
            DISK_ENOSPC.name(), "clock-step", "clock-drift", PACKET_LOSS.name(), DUPLICATE.name(), REORDER.name(), "withhold-appends",
            CAMPAIGN.name(), MEMBER_ADD.name(), MEMBER_PROMOTE.name(), MEMBER_REMOVE.name(), "member-replace", MOVE_LEADER.name(),
            "rolling-restart", DEFRAG.name(), COMPACT.name(), ALARM_DISARM.name());

    private FaultSchema() {
    }

    private static Integer member(FaultSpec f, FaultSpec.MemberChange.Action... actions) {
        return f instanceof FaultSpec.MemberChange c && List.of(actions).contains(c.action()) ? c.member() : null;
    }

    private static String maintenance(FaultSpec f, FaultSpec.Maintenance.Op op) {
        return f instanceof FaultSpec.Maintenance m && m.op() == op ? m.target() : null;
    }

    private static String crashTarget(FaultSpec f) {
        if (f instanceof FaultSpec.MemberCrash c) {
            return String.valueOf(c.member());
        }
        return f instanceof FaultSpec.LeaderCrash ? "leader" : null;
    }

    private static CrashMode crashMode(FaultSpec f) {
        if (f instanceof FaultSpec.MemberCrash c) {
            return c.crashMode();
        }
        return f instanceof FaultSpec.LeaderCrash c ? c.crashMode() : null;
    }

    private static Long reorder(FaultSpec f) {
        return f instanceof FaultSpec.Degrade d && d.lossPpm() == 0 && d.duplicatePpm() == 0 ? d.reorderDelayMaxNanos() : null;
    }

    private static String device(FaultSpec f, Class<? extends DeviceFault> kind) {
        return f instanceof FaultSpec.DiskFault d && kind.isInstance(d.fault()) ? d.device() : null;
    }
}
