package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.FaultSchema.*;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.schema.Key;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Binds {@code faults:}, the fault timeline. Each entry has a timing ({@code at}, {@code for},
 * {@code every}, {@code until}) and exactly one action: {@code crash}, {@code partition},
 * {@code disk-stall}, {@code disk-slow}, {@code disk-eio}, {@code disk-enospc},
 * {@code clock-step}, {@code clock-drift}, {@code packet-loss}, {@code duplicate}, {@code reorder} or
 * {@code withhold-appends}. Members and devices named must exist.
 */
final class FaultBinder {
    /** Most occurrences of one repeating fault: enough for any schedule, few enough that it cannot flood the event queue. */
    static final long MAX_OCCURRENCES = 100_000;
    /** Every key a fault may have: its timing, its action and the action's options. */
    static final List<String> KNOWN_KEYS = FAULT.names();

    private final int size;
    private final TreeSet<String> devices;
    private final long durationNanos;

    FaultBinder(int size, TreeSet<String> devices, long durationNanos) {
        this.size = size;
        this.devices = devices;
        this.durationNanos = durationNanos;
    }

    List<FaultSpec> bind(MapReader root) {
        List<FaultSpec> out = new ArrayList<>();
        for (MapReader f : root.listOfMaps("faults")) {
            FaultSpec fault = one(f);
            f.finish();
            if (fault != null) {
                out.add(fault);
            }
        }
        return out;
    }

    private FaultSpec one(MapReader f) {
        FaultSpec.Timing timing = timing(f);
        List<String> actions = ACTIONS.stream().filter(f::has).toList();
        if (actions.isEmpty() && f.keys().stream().anyMatch(k -> !KNOWN_KEYS.contains(k))) {
            return null; // a misspelt action: finish() names it with a suggestion, which says more than "no action"
        }
        if (actions.size() != 1) {
            f.problems().add(f.location(), f.path(), (actions.isEmpty() ? "no action" : "more than one action " + actions)
                    + "; a fault has exactly one of: " + String.join(", ", ACTIONS));
            return null;
        }
        String action = actions.get(0);
        if (timing.everyNanos() > 0 && timing.forNanos() == 0 && !action.startsWith("clock-")) {
            f.problem("every", "a repeating " + action + " needs for: how long each occurrence lasts (0 would never end)");
        }
        if (!action.equals(CRASH.name()) && CRASH_MODE.in(f)) {
            CRASH_MODE.problem(f, "applies to crash only");
        }
        if (!action.equals("partition") && FLAP_PERIOD.in(f)) {
            FLAP_PERIOD.problem(f, "applies to partition only");
        }
        if (timing.forNanos() == 0 && List.of(PACKET_LOSS.name(), DUPLICATE.name(), REORDER.name()).contains(action)) {
            AT.problem(f, action + " needs for: how long it lasts");
        }
        return switch (action) {
            case "crash" -> crash(f, timing);
            case "partition" -> partition(f, timing);
            case "disk-slow" -> diskSlow(f, timing);
            case "clock-step" -> clockStep(f, timing);
            case "clock-drift" -> clockDrift(f, timing);
            case "packet-loss" -> new FaultSpec.Degrade(timing, PACKET_LOSS.read(f), 0, 0);
            case "duplicate" -> new FaultSpec.Degrade(timing, 0, DUPLICATE.read(f), 0);
            case "reorder" -> new FaultSpec.Degrade(timing, 0, 0, REORDER.read(f));
            case "withhold-appends" -> withholdAppends(f, timing);
            case "campaign" -> campaign(f, timing);
            case "transfer-leader" -> transferLeader(f, timing);
            default -> diskFault(f, timing, action);
        };
    }

    private FaultSpec.Timing timing(MapReader f) {
        long at = AT.require(f, 0L);
        long length = FOR.read(f);
        long every = EVERY.read(f);
        long until = UNTIL.read(f);
        if (at > durationNanos) {
            AT.problem(f, "is after the end of the run (duration " + Units.formatDuration(durationNanos) + ")");
        }
        if (EVERY.in(f) && every == 0) {
            EVERY.problem(f, "must be longer than 0s; leave every out for a fault that happens once");
        }
        long end = until >= 0 ? until : durationNanos;
        if (every > 0 && end != Long.MAX_VALUE && end > at && (end - at) / every > MAX_OCCURRENCES) {
            EVERY.problem(f, "repeats " + (end - at) / every + " times in the run; at most " + MAX_OCCURRENCES
                    + " occurrences (a longer every, or an until)");
        }
        if (every > 0 && length >= every) {
            FOR.problem(f, "must be shorter than every (" + Units.formatDuration(every) + "), or occurrences overlap");
        }
        if (UNTIL.in(f) && every == 0) {
            UNTIL.problem(f, "applies to a repeating fault (with every)");
        }
        if (until >= 0 && until < at) {
            UNTIL.problem(f, "must not be before at (" + Units.formatDuration(at) + ")");
        }
        return new FaultSpec.Timing(at, length, every, Math.max(0, until));
    }

    private FaultSpec crash(MapReader f, FaultSpec.Timing timing) {
        CrashMode mode = CRASH_MODE.read(f);
        YamlNode node = f.nodeOf(CRASH.name());
        if (node instanceof YamlNode.YamlScalar s && s.text().equals("leader")) {
            return new FaultSpec.LeaderCrash(timing, mode);
        }
        int member = NetworkBinder.memberId(f, CRASH.name(), node, size);
        return member == 0 ? null : new FaultSpec.MemberCrash(timing, member, mode);
    }

    private FaultSpec partition(MapReader f, FaultSpec.Timing timing) {
        long flap = FLAP_PERIOD.read(f);
        if (FLAP_PERIOD.in(f) && flap == 0) {
            FLAP_PERIOD.problem(f, "must be longer than 0s; leave flap-period out for a partition that holds");
        }
        Optional<MapReader> p = f.optionalMap("partition");
        if (p.isEmpty()) {
            return null;
        }
        MapReader m = p.get();
        boolean sparesClients = CLIENTS.read(m);
        List<String> kinds = List.of(ISOLATE.name(), SPLIT.name(), "one-way", "clog").stream().filter(m::has).toList();
        NetworkFault fault = null;
        if (kinds.size() != 1) {
            m.problems().add(m.location(), m.path(), "expected exactly one of isolate, split, one-way, clog; got "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        } else {
            fault = switch (kinds.get(0)) {
                case "isolate" -> {
                    int node = NetworkBinder.memberId(m, ISOLATE.name(), m.nodeOf(ISOLATE.name()), size);
                    yield node == 0 ? null : new NetworkFault.Isolate(node);
                }
                case "split" -> split(m);
                case "one-way" -> m.optionalMap("one-way").map(o -> {
                    SortedSet<Integer> from = members(o, ONE_WAY_FROM.name());
                    SortedSet<Integer> to = members(o, ONE_WAY_TO.name());
                    if (from.stream().anyMatch(to::contains)) {
                        ONE_WAY_TO.problem(o, "names member " + from.stream().filter(to::contains).findFirst().orElseThrow()
                                + " of from as well; a member is never cut from itself");
                    }
                    o.finish();
                    return from.isEmpty() || to.isEmpty() ? null : (NetworkFault) new NetworkFault.OneWay(from, to);
                }).orElse(null);
                default -> m.optionalMap("clog").map(c -> {
                    int from = NetworkBinder.member(c, CLOG_FROM.name(), size);
                    int to = NetworkBinder.member(c, CLOG_TO.name(), size);
                    double delayMs = CLOG_DELAY.require(c, 0.0);
                    c.finish();
                    return from == 0 || to == 0 ? null : (NetworkFault) new NetworkFault.Clog(from, to, delayMs);
                }).orElse(null);
            };
        }
        m.finish();
        return fault == null ? null : new FaultSpec.Partition(timing, fault, flap, sparesClients);
    }

    private NetworkFault split(MapReader m) {
        List<Collection<Integer>> groups = new ArrayList<>();
        List<YamlNode> items = m.list(SPLIT.name());
        TreeSet<Integer> seen = new TreeSet<>();
        boolean valid = true;
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.YamlList group)) {
                m.problems().add(item.location(), m.keyPath(SPLIT.name()), "expected a list of groups such as [[1], [2, 3]]");
                return null;
            }
            TreeSet<Integer> ids = new TreeSet<>();
            for (YamlNode n : group.items()) {
                int id = NetworkBinder.memberId(m, SPLIT.name(), n, size);
                if (id > 0 && !seen.add(id)) {
                    m.problems().add(n.location(), m.keyPath(SPLIT.name()), "member " + id + " is in two groups");
                }
                valid &= id > 0;
                ids.add(id);
            }
            groups.add(ids);
        }
        if (!valid || seen.size() < groups.stream().mapToInt(Collection::size).sum()) {
            return null;
        }
        if (groups.isEmpty()) {
            m.problems().add(m.locationOf(SPLIT.name()), m.keyPath(SPLIT.name()), "expected groups of members such as [[1], [2, 3]]");
            return null;
        }
        return Fields.build(m, SPLIT.name(), () -> new NetworkFault.Split(groups.stream().map(TreeSet::new)
                .map(s -> (SortedSet<Integer>) s).toList()), null);
    }

    /** One member id or a list of them. */
    private SortedSet<Integer> members(MapReader m, String key) {
        TreeSet<Integer> out = new TreeSet<>();
        YamlNode node = m.nodeOf(key);
        if (!m.has(key)) {
            NetworkBinder.member(m, key, size);
            return out;
        }
        List<YamlNode> nodes = node instanceof YamlNode.YamlList l ? l.items() : List.of(node);
        for (YamlNode n : nodes) {
            int id = NetworkBinder.memberId(m, key, n, size);
            if (id > 0) {
                out.add(id);
            }
        }
        return out.size() == nodes.size() ? out : new TreeSet<>();
    }

    private FaultSpec diskSlow(MapReader f, FaultSpec.Timing timing) {
        return f.optionalMap("disk-slow").map(m -> {
            String device = device(m, SLOW_DEVICE.name(), SLOW_DEVICE.read(m));
            double factor = FACTOR.require(m, 1.0);
            m.finish();
            return device == null ? null : (FaultSpec) new FaultSpec.DiskFault(timing, device, new DeviceFault.Slow(factor));
        }).orElse(null);
    }

    private FaultSpec diskFault(MapReader f, FaultSpec.Timing timing, String action) {
        Key<FaultSpec, String> key = action.equals(DISK_STALL.name()) ? DISK_STALL
                : action.equals(DISK_EIO.name()) ? DISK_EIO : DISK_ENOSPC;
        String device = device(f, action, key.read(f));
        if (device == null) {
            return null;
        }
        DeviceFault fault = key == DISK_STALL ? new DeviceFault.Stall() : key == DISK_EIO ? new DeviceFault.FlushError()
                : new DeviceFault.NoSpace();
        return new FaultSpec.DiskFault(timing, device, fault);
    }

    private String device(MapReader m, String key, String name) {
        if (name == null) {
            if (!m.has(key)) {
                m.requireString(key);
            }
            return null;
        }
        if (devices.contains(name)) {
            return name;
        }
        String group = devices.stream().anyMatch(d -> d.startsWith(name + "-n")) ? " ('" + name
                + "' is per member: name one device, such as " + name + "-n1)" : "";
        m.problem(key, DeviceBinder.Devices.unknown(name, devices) + group);
        return null;
    }

    private FaultSpec clockStep(MapReader f, FaultSpec.Timing timing) {
        return f.optionalMap("clock-step").map(m -> {
            int member = NetworkBinder.member(m, STEP_MEMBER.name(), size);
            long by = BY.require(m, 0L);
            m.finish();
            return member == 0 ? null : (FaultSpec) new FaultSpec.ClockStep(timing, member, by);
        }).orElse(null);
    }

    private FaultSpec clockDrift(MapReader f, FaultSpec.Timing timing) {
        return f.optionalMap("clock-drift").map(m -> {
            int member = NetworkBinder.member(m, DRIFT_MEMBER.name(), size);
            long drift = DRIFT.require(m, 0L);
            if (Math.abs(drift) > ClockOptions.MAX_DRIFT_PPM) {
                DRIFT.problem(m, "must be within ±" + ClockOptions.MAX_DRIFT_PPM + "ppm");
            }
            m.finish();
            return member == 0 ? null : (FaultSpec) new FaultSpec.ClockDrift(timing, member, drift);
        }).orElse(null);
    }

    /** {@code withhold-appends: {members: [4, 5]}} or {@code {followers: 2}}, exactly one. */
    private FaultSpec withholdAppends(MapReader f, FaultSpec.Timing timing) {
        return f.optionalMap("withhold-appends").map(m -> {
            boolean named = m.has("members");
            if (named == m.has("followers")) {
                m.problems().add(m.location(), m.path(), "needs exactly one of members (ids, such as [4, 5]) or followers"
                        + " (how many of the leader's followers, such as 2)");
                m.finish();
                return null;
            }
            SortedSet<Integer> ids = named ? members(m, WITHHOLD_MEMBERS.name()) : new TreeSet<>();
            int followers = named ? 0 : WITHHOLD_FOLLOWERS.read(m, 1);
            if (followers > size - 1) {
                WITHHOLD_FOLLOWERS.problem(m, "must be at most the followers a leader has (" + (size - 1) + ")");
                followers = Math.max(1, size - 1);
            }
            m.finish();
            return named && ids.isEmpty() ? null : (FaultSpec) new FaultSpec.WithholdAppends(timing, List.copyOf(ids), followers);
        }).orElse(null);
    }

    /** {@code transfer-leader: <id>}: an instant action. */
    private FaultSpec transferLeader(MapReader f, FaultSpec.Timing timing) {
        if (timing.forNanos() > 0) {
            f.problem("for", "transfer-leader is an instant action; leave for out");
        }
        int to = NetworkBinder.member(f, TRANSFER_LEADER.name(), size);
        return to == 0 ? null : new FaultSpec.TransferLeader(timing, to);
    }

    /** {@code campaign: <id>}: an instant action. */
    private FaultSpec campaign(MapReader f, FaultSpec.Timing timing) {
        if (timing.forNanos() > 0) {
            f.problem("for", "campaign is an instant action; leave for out");
        }
        int member = NetworkBinder.member(f, CAMPAIGN.name(), size);
        return member == 0 ? null : new FaultSpec.Campaign(timing, member);
    }
}
