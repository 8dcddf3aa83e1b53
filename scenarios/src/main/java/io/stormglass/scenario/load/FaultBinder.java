package io.stormglass.scenario.load;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final List<String> ACTIONS = List.of("crash", "partition", "disk-stall", "disk-slow", "disk-eio", "disk-enospc",
            "clock-step", "clock-drift", "packet-loss", "duplicate", "reorder", "withhold-appends", "campaign");
    /** Every key a fault may have: its timing, its action and the action's options. */
    static final java.util.Set<String> KNOWN_KEYS = java.util.stream.Stream.concat(ACTIONS.stream(),
            java.util.stream.Stream.of("at", "for", "every", "until", "crash-mode", "flap-period")).collect(java.util.stream.Collectors.toSet());
    /** Whether a partition also cuts clients ({@code cut}, the default) or only links between members. */
    static final Map<String, Boolean> PARTITION_CLIENTS = Fields.choices("cut", false, "connected", true);
    static final Map<String, CrashMode> CRASH_MODES = new LinkedHashMap<>();

    static {
        CRASH_MODES.put("drop-unsynced", CrashMode.DROP_UNSYNCED);
        CRASH_MODES.put("keep-unsynced", CrashMode.KEEP_UNSYNCED);
        CRASH_MODES.put("torn-unsynced", CrashMode.TORN_UNSYNCED);
        CRASH_MODES.put("corrupt-unsynced", CrashMode.CORRUPT_UNSYNCED);
    }

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
        if (!action.equals("crash") && f.has("crash-mode")) {
            f.problem("crash-mode", "applies to crash only");
        }
        if (!action.equals("partition") && f.has("flap-period")) {
            f.problem("flap-period", "applies to partition only");
        }
        if (timing.forNanos() == 0 && List.of("packet-loss", "duplicate", "reorder").contains(action)) {
            f.problem("at", action + " needs for: how long it lasts");
        }
        return switch (action) {
            case "crash" -> crash(f, timing);
            case "partition" -> partition(f, timing);
            case "disk-slow" -> diskSlow(f, timing);
            case "clock-step" -> clockStep(f, timing);
            case "clock-drift" -> clockDrift(f, timing);
            case "packet-loss" -> new FaultSpec.Degrade(timing, rate(f, "packet-loss"), 0, 0);
            case "duplicate" -> new FaultSpec.Degrade(timing, 0, rate(f, "duplicate"), 0);
            case "reorder" -> new FaultSpec.Degrade(timing, 0, 0, Fields.positiveNanos(f, "reorder", 0));
            case "withhold-appends" -> withholdAppends(f, timing);
            case "campaign" -> campaign(f, timing);
            default -> diskFault(f, timing, action);
        };
    }

    /** A chance per message such as {@code 5%} or {@code 500ppm}, above 0 and at most 100 %. */
    private static long rate(MapReader f, String key) {
        long ppm = f.ppm(key, 1);
        if (ppm <= 0 || ppm > 1_000_000) {
            f.problem(key, "must be above 0% and at most 100%");
            return 1;
        }
        return ppm;
    }

    private FaultSpec.Timing timing(MapReader f) {
        if (!f.has("at")) {
            f.requireDurationNanos("at");
        }
        long at = f.durationNanos("at", 0);
        long length = f.durationNanos("for", 0);
        long every = f.durationNanos("every", 0);
        long until = f.durationNanos("until", -1);
        if (at > durationNanos) {
            f.problem("at", "is after the end of the run (duration " + Units.formatDuration(durationNanos) + ")");
        }
        if (f.has("every") && every == 0) {
            f.problem("every", "must be longer than 0s; leave every out for a fault that happens once");
        }
        long end = until >= 0 ? until : durationNanos;
        if (every > 0 && end != Long.MAX_VALUE && end > at && (end - at) / every > MAX_OCCURRENCES) {
            f.problem("every", "repeats " + (end - at) / every + " times in the run; at most " + MAX_OCCURRENCES
                    + " occurrences (a longer every, or an until)");
        }
        if (every > 0 && length >= every) {
            f.problem("for", "must be shorter than every (" + Units.formatDuration(every) + "), or occurrences overlap");
        }
        if (f.has("until") && every == 0) {
            f.problem("until", "applies to a repeating fault (with every)");
        }
        if (until >= 0 && until < at) {
            f.problem("until", "must not be before at (" + Units.formatDuration(at) + ")");
        }
        return new FaultSpec.Timing(at, length, every, Math.max(0, until));
    }

    private FaultSpec crash(MapReader f, FaultSpec.Timing timing) {
        CrashMode mode = f.choice("crash-mode", CRASH_MODES, CrashMode.DROP_UNSYNCED);
        YamlNode node = f.nodeOf("crash");
        if (node instanceof YamlNode.YamlScalar s && s.text().equals("leader")) {
            return new FaultSpec.LeaderCrash(timing, mode);
        }
        int member = NetworkBinder.memberId(f, "crash", node, size);
        return member == 0 ? null : new FaultSpec.MemberCrash(timing, member, mode);
    }

    private FaultSpec partition(MapReader f, FaultSpec.Timing timing) {
        long flap = f.durationNanos("flap-period", 0);
        if (f.has("flap-period") && flap == 0) {
            f.problem("flap-period", "must be longer than 0s; leave flap-period out for a partition that holds");
        }
        Optional<MapReader> p = f.optionalMap("partition");
        if (p.isEmpty()) {
            return null;
        }
        MapReader m = p.get();
        boolean sparesClients = m.choice("clients", PARTITION_CLIENTS, false);
        List<String> kinds = List.of("isolate", "split", "one-way", "clog").stream().filter(m::has).toList();
        NetworkFault fault = null;
        if (kinds.size() != 1) {
            m.problems().add(m.location(), m.path(), "expected exactly one of isolate, split, one-way, clog; got "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        } else {
            fault = switch (kinds.get(0)) {
                case "isolate" -> {
                    int node = NetworkBinder.memberId(m, "isolate", m.nodeOf("isolate"), size);
                    yield node == 0 ? null : new NetworkFault.Isolate(node);
                }
                case "split" -> split(m);
                case "one-way" -> m.optionalMap("one-way").map(o -> {
                    SortedSet<Integer> from = members(o, "from");
                    SortedSet<Integer> to = members(o, "to");
                    if (from.stream().anyMatch(to::contains)) {
                        o.problem("to", "names member " + from.stream().filter(to::contains).findFirst().orElseThrow()
                                + " of from as well; a member is never cut from itself");
                    }
                    o.finish();
                    return from.isEmpty() || to.isEmpty() ? null : (NetworkFault) new NetworkFault.OneWay(from, to);
                }).orElse(null);
                default -> m.optionalMap("clog").map(c -> {
                    int from = NetworkBinder.member(c, "from", size);
                    int to = NetworkBinder.member(c, "to", size);
                    double delayMs = c.durationNanos("delay", 0) / 1e6;
                    if (!c.has("delay")) {
                        c.requireDurationNanos("delay");
                    }
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
        List<YamlNode> items = m.list("split");
        TreeSet<Integer> seen = new TreeSet<>();
        boolean valid = true;
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.YamlList group)) {
                m.problems().add(item.location(), m.keyPath("split"), "expected a list of groups such as [[1], [2, 3]]");
                return null;
            }
            TreeSet<Integer> ids = new TreeSet<>();
            for (YamlNode n : group.items()) {
                int id = NetworkBinder.memberId(m, "split", n, size);
                if (id > 0 && !seen.add(id)) {
                    m.problems().add(n.location(), m.keyPath("split"), "member " + id + " is in two groups");
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
            m.problems().add(m.locationOf("split"), m.keyPath("split"), "expected groups of members such as [[1], [2, 3]]");
            return null;
        }
        return Fields.build(m, "split", () -> new NetworkFault.Split(groups.stream().map(TreeSet::new)
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
            String device = device(m, "device", m.string("device", null));
            m.require("factor", "how many times slower, such as 10");
            double factor = m.number("factor", 1, 1, 1_000_000);
            m.finish();
            return device == null ? null : (FaultSpec) new FaultSpec.DiskFault(timing, device, new DeviceFault.Slow(factor));
        }).orElse(null);
    }

    private FaultSpec diskFault(MapReader f, FaultSpec.Timing timing, String action) {
        String device = device(f, action, f.string(action, null));
        if (device == null) {
            return null;
        }
        DeviceFault fault = switch (action) {
            case "disk-stall" -> new DeviceFault.Stall();
            case "disk-eio" -> new DeviceFault.FlushError();
            default -> new DeviceFault.NoSpace();
        };
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
            int member = NetworkBinder.member(m, "member", size);
            m.require("by", "a signed duration such as -500ms");
            long by = m.signedDurationNanos("by", 0);
            m.finish();
            return member == 0 ? null : (FaultSpec) new FaultSpec.ClockStep(timing, member, by);
        }).orElse(null);
    }

    private FaultSpec clockDrift(MapReader f, FaultSpec.Timing timing) {
        return f.optionalMap("clock-drift").map(m -> {
            int member = NetworkBinder.member(m, "member", size);
            m.require("drift", "parts per million such as 500ppm");
            long drift = m.ppm("drift", 0);
            if (Math.abs(drift) > ClockOptions.MAX_DRIFT_PPM) {
                m.problem("drift", "must be within ±" + ClockOptions.MAX_DRIFT_PPM + "ppm");
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
            SortedSet<Integer> ids = named ? members(m, "members") : new TreeSet<>();
            int followers = named ? 0 : (int) m.integer("followers", 1, 1, Math.max(1, size - 1));
            m.finish();
            return named && ids.isEmpty() ? null : (FaultSpec) new FaultSpec.WithholdAppends(timing, List.copyOf(ids), followers);
        }).orElse(null);
    }

    /** {@code campaign: <id>}: an instant action. */
    private FaultSpec campaign(MapReader f, FaultSpec.Timing timing) {
        if (timing.forNanos() > 0) {
            f.problem("for", "campaign is an instant action; leave for out");
        }
        int member = NetworkBinder.member(f, "campaign", size);
        return member == 0 ? null : new FaultSpec.Campaign(timing, member);
    }
}
