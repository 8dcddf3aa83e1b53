package io.stormglass.experiment.capacity;

import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.load.ScenarioTrees;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Problems;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import io.stormglass.scenario.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a capacity file (schema in {@code docs/capacity.md}): the shared workload, client and
 * cluster settings, the SLO, the ramp, today's load and growth, and the hardware profiles, each
 * written out or laid over a built-in one ({@code builtin: nvme}). Each profile is bound as a
 * scenario through the scenario binder, so every key, unit and etcd start-up rule is checked as
 * in a scenario file. Every problem is reported at once, located in the file that wrote it.
 */
public final class CapacityLoader {
    static final long S = 1_000_000_000L;
    /** Load connections when the workload names none: enough that no connection is a bottleneck of its own. */
    static final int DEFAULT_CLIENTS = 16;
    /** Most profiles in one study: each is a ramp of up to {@link Ramp#MAX_STEPS} simulations. */
    static final int MAX_PROFILES = 100;
    /** Keys of a profile that are scenario sections, passed to the scenario binder as written. */
    private static final List<String> PROFILE_SECTIONS = List.of("disks", "ceph-clusters", "network");

    private CapacityLoader() {
    }

    /**
     * @throws ScenarioException listing every problem, if the file is not a valid capacity file
     */
    public static CapacityPlan load(Path file) {
        String shown = file.toString();
        String text = InputFiles.readText(file, shown, InputKind.YAML);
        return parse(shown, text, file.getFileName() == null ? "capacity" : file.getFileName().toString());
    }

    /** Reads a capacity file's text; {@code shown} names it in problems. */
    public static CapacityPlan parse(String shown, String text, String fileName) {
        YamlNode root = YamlReader.read(shown, text);
        Problems problems = new Problems();
        MapReader r = MapReader.root(root, problems);
        String name = r.folderName("name", fileName.replaceFirst("\\.ya?ml$", ""));
        String description = r.requireString("description").strip();
        long seed = r.seed("seed", 1);
        Ramp ramp = ramp(r);
        Slo slo = slo(r);
        double current = r.ratePerSecond("current-load", 0);
        double growth = r.fraction("monthly-growth", 0);
        YamlNode workload = section(r, "workload");
        refuseRampKeys(workload, problems);
        YamlNode client = section(r, "client");
        YamlNode cluster = section(r, "cluster");
        Map<String, MapReader> profileReaders = r.mapOfMaps("profiles");
        if (profileReaders.isEmpty()) {
            r.problemHere("profiles", "required: at least one hardware profile (a mapping name → profile)");
        } else if (profileReaders.size() > MAX_PROFILES) {
            r.problem("profiles", "at most " + MAX_PROFILES + " profiles (each is a ramp of simulations), got " + profileReaders.size());
            profileReaders = Map.of();
        }
        List<Profile> profiles = new ArrayList<>();
        Set<ScenarioProblem> bindProblems = new LinkedHashSet<>();
        Map<String, String> baselines = new LinkedHashMap<>();
        Map<String, MapReader> withBuiltins = new LinkedHashMap<>();
        for (Map.Entry<String, MapReader> e : profileReaders.entrySet()) {
            MapReader p = withBuiltin(e.getValue(), problems);
            withBuiltins.put(e.getKey(), p);
            String description1 = p.string("description", "");
            double cpuSpeed = p.number("cpu-speed", 1.0, 0.001, 1000);
            String baseline = p.string("baseline", null);
            if (baseline != null && !profileReaders.containsKey(baseline)) {
                p.problem("baseline", "names no profile of this file; one of: " + String.join(", ", profileReaders.keySet()));
            } else if (baseline != null) {
                baselines.put(e.getKey(), baseline);
            }
            YamlNode.YamlMap doc = scenarioDoc(p, e.getKey(), seed, ramp, workload, client, cluster);
            p.finish();
            if (ramp == null) {
                continue;
            }
            try {
                Scenario base = ScenarioTrees.bind(doc, shown, e.getKey());
                profiles.add(new Profile(e.getKey(), description1.isEmpty() ? base.description() : description1, baseline,
                        StepScenarios.withCpuSpeed(base, cpuSpeed)));
            } catch (ScenarioException ex) {
                bindProblems.addAll(ex.problems());
            }
        }
        checkBaselines(baselines, withBuiltins);
        r.finish();
        List<ScenarioProblem> all = new ArrayList<>(problems.all());
        bindProblems.stream().filter(p -> !all.contains(p)).forEach(all::add);
        if (!all.isEmpty()) {
            throw new ScenarioException(Problems.inReadingOrder(all));
        }
        String workloadText = profiles.isEmpty() ? "" : describe(profiles.get(0).base().workload());
        return new CapacityPlan(name, description, shown, workloadText, profiles, ramp, slo, current, growth);
    }

    /** The workload's rate and think-time: the ramp sets the load of each step. */
    private static void refuseRampKeys(YamlNode workload, Problems problems) {
        if (workload instanceof YamlNode.YamlMap w) {
            for (String k : List.of("rate", "think-time")) {
                if (w.entries().containsKey(k)) {
                    problems.add(w.entries().get(k).keyLocation(), "workload." + k,
                            "set by the ramp: a capacity study offers open-loop load at each step's rate");
                }
            }
        }
    }

    /**
     * A baseline is another profile to compare with: one naming itself, or baselines that lead
     * round in a cycle, leave no profile to compare against. A cycle is reported once, at the first
     * of its profiles in the file.
     */
    private static void checkBaselines(Map<String, String> baselines, Map<String, MapReader> readers) {
        List<String> order = new ArrayList<>(readers.keySet());
        for (Map.Entry<String, String> e : baselines.entrySet()) {
            String name = e.getKey();
            if (name.equals(e.getValue())) {
                readers.get(name).problem("baseline", "names the profile itself; a baseline is another profile to compare with");
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(name));
            for (String next = e.getValue(); next != null && !chain.contains(next); next = baselines.get(next)) {
                chain.add(next);
            }
            String last = chain.get(chain.size() - 1);
            boolean cycle = name.equals(baselines.get(last)) && chain.size() > 1;
            if (cycle && chain.stream().allMatch(c -> order.indexOf(c) >= order.indexOf(name))) {
                readers.get(name).problem("baseline", "baselines form a cycle: " + String.join(" -> ", chain) + " -> " + name
                        + "; one profile of a comparison has no baseline");
            }
        }
    }

    /** A profile laid over the built-in profile it names under {@code builtin:}. */
    private static MapReader withBuiltin(MapReader p, Problems problems) {
        if (!p.has("builtin")) {
            return p;
        }
        String builtin = p.choice("builtin", BuiltinProfiles.choices(), null);
        if (builtin == null) {
            p.acceptRest();
            return p;
        }
        YamlNode own = new YamlNode.YamlMap(p.location(), withoutKey(p, "builtin"));
        YamlNode merged = YamlTrees.overlay(BuiltinProfiles.tree(builtin), own);
        p.acceptRest();
        return new MapReader((YamlNode.YamlMap) merged, p.path(), problems);
    }

    private static Map<String, YamlNode.Entry> withoutKey(MapReader p, String key) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (String k : p.keys()) {
            if (!k.equals(key)) {
                out.put(k, new YamlNode.Entry(k, p.locationOf(k), p.nodeOf(k)));
            }
        }
        return out;
    }

    /** The scenario a profile stands for: its sections, the shared ones, and the ramp's timing. */
    private static YamlNode.YamlMap scenarioDoc(MapReader p, String name, long seed, Ramp ramp, YamlNode workload,
            YamlNode client, YamlNode cluster) {
        Location at = p.location();
        Map<String, YamlNode.Entry> doc = new LinkedHashMap<>();
        put(doc, "name", scalar(at, name));
        put(doc, "description", scalar(at, "capacity profile " + name));
        put(doc, "seed", scalar(at, Long.toString(seed)));
        long warmup = ramp == null ? 3 * S : ramp.warmupNanos();
        long run = ramp == null ? 15 * S : ramp.stepRunNanos();
        put(doc, "duration", scalar(at, run + "ns"));
        put(doc, "warmup", scalar(at, warmup + "ns"));
        put(doc, "metrics-window", scalar(at, Math.min(S, run) + "ns"));
        YamlNode profileCluster = p.has("cluster") ? p.nodeOf("cluster") : null;
        YamlNode mergedCluster = cluster == null ? profileCluster
                : profileCluster == null ? cluster : YamlTrees.overlay(cluster, profileCluster);
        if (mergedCluster != null) {
            put(doc, "cluster", mergedCluster);
        }
        for (String section : PROFILE_SECTIONS) {
            if (p.has(section)) {
                put(doc, section, p.nodeOf(section));
            }
        }
        Map<String, YamlNode.Entry> load = new LinkedHashMap<>();
        put(load, "clients", scalar(at, Integer.toString(DEFAULT_CLIENTS)));
        put(load, "rate", scalar(at, (ramp == null ? 1 : ramp.startPerSecond()) + "/s"));
        YamlNode w = new YamlNode.YamlMap(at, load);
        if (workload instanceof YamlNode.YamlMap given) {
            Map<String, YamlNode.Entry> kept = new LinkedHashMap<>(given.entries());
            kept.remove("rate");
            kept.remove("think-time");
            w = YamlTrees.overlay(w, new YamlNode.YamlMap(given.location(), kept));
        }
        put(doc, "workload", w);
        if (client != null) {
            put(doc, "client", client);
        }
        Map<String, YamlNode.Entry> outputs = new LinkedHashMap<>();
        put(outputs, "report", scalar(at, "false"));
        put(outputs, "member-logs", scalar(at, "false"));
        put(doc, "outputs", new YamlNode.YamlMap(at, outputs));
        return new YamlNode.YamlMap(at, doc);
    }

    private static Ramp ramp(MapReader r) {
        MapReader m = r.requireMap("ramp");
        double start = m.ratePerSecond("start", 0);
        double step = m.has("step") ? m.ratePerSecond("step", 0) : 0;
        double factor = m.has("factor") ? m.number("factor", 0, 1.0001, 100) : 0;
        double max = m.ratePerSecond("max", 0);
        long stepNanos = m.durationNanos("step-duration", 10 * S);
        long warmup = m.durationNanos("warmup", 3 * S);
        long settle = m.durationNanos("settle", 2 * S);
        int stop = (int) m.integer("stop-after-failures", 2, 1, 100);
        for (String k : List.of("start", "max")) {
            m.require(k, "a rate such as 100/s");
        }
        m.finish();
        for (String k : List.of("start", "max")) {
            if (m.has(k) && !(k.equals("start") ? start > 0 : max > 0)) {
                m.problem(k, "must be above 0/s");
            }
        }
        if (!(start > 0) || !(max > 0)) {
            return null;
        }
        if (max < start) {
            m.problem("max", "must be at least start (" + java.math.BigDecimal.valueOf(start).stripTrailingZeros().toPlainString() + "/s)");
            return null;
        }
        if (warmup + settle + stepNanos > Units.MAX_DURATION_NANOS) {
            m.problemHere("", "warmup + settle + step-duration must be at most " + Units.MAX_DURATION_TEXT
                    + " (each step is one simulation of that length)");
            return null;
        }
        try {
            return new Ramp(start, step, factor, max, stepNanos, warmup, settle, stop);
        } catch (IllegalArgumentException e) {
            m.problemHere("", e.getMessage());
            return null;
        }
    }

    private static Slo slo(MapReader r) {
        MapReader m = r.requireMap("slo");
        long put = m.durationNanos("put-p99", 0);
        long get = m.durationNanos("get-p99", 0);
        long leaderChanges = m.integer("max-leader-changes", 0, 0, Integer.MAX_VALUE);
        double errors = m.fraction("max-errors", 0.001);
        double achieved = m.fraction("min-achieved", 0.95);
        m.finish();
        return new Slo(put, get, leaderChanges, errors, achieved);
    }

    /** The value under {@code key} if it is a mapping (a problem otherwise), null if absent. */
    private static YamlNode section(MapReader r, String key) {
        return r.optionalMap(key).isPresent() ? r.nodeOf(key) : null;
    }

    private static void put(Map<String, YamlNode.Entry> map, String key, YamlNode value) {
        map.put(key, new YamlNode.Entry(key, value.location(), value));
    }

    private static YamlNode.YamlScalar scalar(Location at, String text) {
        return new YamlNode.YamlScalar(at, text, false);
    }

    /** The workload shape in words. */
    static String describe(WorkloadSpec w) {
        WorkloadSpec.OpMix m = w.mix();
        StringBuilder b = new StringBuilder("open-loop Poisson arrivals");
        if (w.arrival() instanceof WorkloadSpec.Arrival.OpenLoop o) {
            b.append(" over ").append(o.clients()).append(" connections");
        }
        b.append("; mix");
        appendShare(b, "put", m.put());
        appendShare(b, "linearizable get", m.getLinearizable());
        appendShare(b, "serializable get", m.getSerializable());
        appendShare(b, "delete", m.delete());
        appendShare(b, "txn", m.txn());
        appendShare(b, "compare-and-set", m.cas());
        b.append("; ").append(w.keys().count()).append(" keys")
                .append(w.keys().zipfExponent() > 0 ? " (zipf " + w.keys().zipfExponent() + ")" : " (uniform)")
                .append("; values ").append(w.valueMinBytes())
                .append(w.valueMaxBytes() > w.valueMinBytes() ? "–" + w.valueMaxBytes() : "").append(" B");
        if (w.controlPlane() != null) {
            b.append("; plus a control plane of ").append(w.controlPlane().candidates()).append(" candidates electing through etcd");
        }
        return b.toString();
    }

    private static void appendShare(StringBuilder b, String op, double share) {
        if (share > 0) {
            b.append(String.format(Locale.ROOT, " %s %.0f %%", op, share * 100));
        }
    }
}
