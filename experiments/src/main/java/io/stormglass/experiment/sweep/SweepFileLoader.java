package io.stormglass.experiment.sweep;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Seeds;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Problems;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a sweep file (schema in {@code docs/sweeps.md}). Every mistake ends in one
 * {@link ScenarioException} listing all problems with {@code file:line:column} and the key path;
 * every point's scenario is loaded once here, so that a misspelt key or a bad unit in {@code vary:}
 * is reported before anything runs. A point whose values etcd would refuse together (an election
 * timeout below 5 × heartbeat) is not a mistake: it stays in the sweep and is recorded as invalid.
 */
public final class SweepFileLoader {
    static final int MAX_POINTS = 10_000;
    static final int MAX_SEEDS = 1_000;

    private SweepFileLoader() {
    }

    public static SweepSpec load(Path file) {
        String shown = file.toString();
        String text = InputFiles.readText(file, shown, InputKind.YAML);
        Problems problems = new Problems();
        MapReader r = MapReader.root(YamlReader.read(shown, text), problems);
        String name = r.folderName("name", defaultName(file));
        String description = r.has("description") ? r.string("description", "") : "";
        String baseName = r.requireString("base");
        Path base = null;
        if (baseName.isEmpty() && r.has("base")) {
            // present but empty (base: with only a comment after it, or '')
            r.problem("base", "expected the scenario file the sweep varies, found an empty value");
        } else if (!baseName.isEmpty()) {
            Path dir = file.toAbsolutePath().getParent();
            base = dir == null ? Path.of(baseName) : dir.resolve(baseName).normalize();
            if (!Files.isRegularFile(base)) {
                r.problem("base", "no such scenario file: " + baseName + " (relative to the sweep file)");
            } else if (isSweepFile(base)) {
                r.problem("base", "names a sweep file, not a scenario: a sweep varies one scenario");
            }
        }
        List<Setting> fixed = settings(r, "set");
        boolean grid = r.has("vary");
        boolean sampled = r.has("sample");
        List<String> keys = new ArrayList<>();
        List<SweepPoint> points = List.of();
        if (grid == sampled) {
            r.problemHere(grid ? "sample" : "vary", "give exactly one of vary: (a grid) and sample: (random samples from ranges)");
        } else if (grid) {
            points = grid(r.requireMap("vary"), keys);
        } else {
            points = samples(r.requireMap("sample"), keys);
        }
        List<Long> seeds = seeds(r);
        List<SweepMetric> metrics = metrics(r);
        int trials = 20;
        double budget = 0;
        var failover = r.optionalMap("failover");
        if (failover.isPresent()) {
            trials = (int) failover.get().integer("trials", 20, 1, 100_000);
            failover.get().finish();
        }
        var recommend = r.optionalMap("recommend");
        if (recommend.isPresent()) {
            budget = recommend.get().number("spurious-budget-per-hour", 0, 0, 1e6);
            recommend.get().finish();
        }
        r.finish();
        if (points.size() > MAX_POINTS) {
            problems.add(r.location(), "", "the sweep has " + points.size() + " points; at most " + MAX_POINTS);
        }
        problems.throwIfAny();
        SweepSpec spec = new SweepSpec(name, description, shown, base, fixed, keys, points, seeds, metrics, trials, budget);
        checkPoints(spec);
        return spec;
    }

    /**
     * Whether {@code file} looks like a sweep rather than a scenario: a YAML mapping with a top-level
     * {@code base:} key (scenarios have none). Unreadable or malformed files are not sweeps.
     */
    public static boolean isSweepFile(Path file) {
        try {
            YamlNode root = YamlReader.read(file.toString(), InputFiles.readText(file, file.toString(), InputKind.YAML));
            return root instanceof YamlNode.YamlMap m && m.entries().containsKey("base");
        } catch (ScenarioException e) {
            return false;
        }
    }

    /** Loads every point's scenario; any problem other than a value etcd refuses is a sweep-file error. */
    private static void checkPoints(SweepSpec spec) {
        Problems problems = new Problems();
        for (SweepPoint p : spec.points()) {
            try {
                PointScenarios.load(spec, p);
            } catch (ScenarioException e) {
                problems.addAll(e.problems().stream().filter(x -> !PointScenarios.isRefusedValue(x)).toList());
            }
        }
        problems.throwIfAny();
    }

    private static List<Setting> settings(MapReader r, String key) {
        List<Setting> out = new ArrayList<>();
        r.optionalMap(key).ifPresent(m -> {
            for (String k : m.keys()) {
                YamlNode v = m.nodeOf(k);
                m.has(k);
                if (v instanceof YamlNode.YamlScalar s) {
                    out.add(new Setting(k, s.text(), s.location()));
                } else {
                    m.problem(k, "expected a value (as given to --set), got " + v.describe());
                }
            }
            m.finish();
        });
        return out;
    }

    /** Every combination of the listed values, the first key varying slowest. */
    private static List<SweepPoint> grid(MapReader vary, List<String> keys) {
        List<List<Setting>> axes = new ArrayList<>();
        for (String k : vary.keys()) {
            List<YamlNode> items = vary.list(k);
            List<Setting> axis = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof YamlNode.YamlScalar s) {
                    axis.add(new Setting(k, s.text(), s.location()));
                } else {
                    vary.problems().add(items.get(i).location(), vary.keyPath(k) + "[" + i + "]",
                            "expected a value, got " + items.get(i).describe());
                }
            }
            if (items.isEmpty() && vary.nodeOf(k) instanceof YamlNode.YamlList) {
                vary.problem(k, "expected a non-empty list of values");
            }
            keys.add(k);
            axes.add(axis);
        }
        if (keys.isEmpty()) {
            vary.problemHere("", "name at least one key to vary, such as cluster.election-timeout: [1s, 2s]");
        }
        vary.finish();
        long product = 1;
        for (List<Setting> axis : axes) {
            product = Math.min((long) MAX_POINTS + 1, product * Math.max(1, axis.size()));
        }
        if (product > MAX_POINTS) {
            // counted before the points are built: a grid of ten keys of ten values would not fit in memory
            vary.problemHere("", "the grid has more than " + MAX_POINTS + " points (the product of the lists' lengths); "
                    + "vary fewer keys or fewer values");
            return List.of();
        }
        List<SweepPoint> points = new ArrayList<>();
        combine(axes, 0, new ArrayList<>(), points);
        return points;
    }

    private static void combine(List<List<Setting>> axes, int i, List<Setting> prefix, List<SweepPoint> out) {
        if (i == axes.size()) {
            if (!prefix.isEmpty()) {
                out.add(new SweepPoint(prefix));
            }
            return;
        }
        for (Setting s : axes.get(i)) {
            prefix.add(s);
            combine(axes, i + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    /**
     * {@code count} points, each key drawn uniformly from {@code [min, max]} in steps of {@code step}
     * (durations; default step 1 ms) from the stream {@code sweep/sample} of {@code seed}.
     */
    private static List<SweepPoint> samples(MapReader sample, List<String> keys) {
        int count = (int) sample.integer("count", 10, 1, MAX_POINTS);
        long seed = sample.seed("seed", 1);
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Map<String, Location> where = new LinkedHashMap<>();
        sample.mapOfMaps("ranges").forEach((k, m) -> {
            long min = m.requireDurationNanos("min");
            long max = m.requireDurationNanos("max");
            long step = m.durationNanos("step", 1_000_000L);
            if (step <= 0) {
                m.problem("step", "must be positive");
                step = 1;
            }
            if (max < min) {
                m.problem("max", "must be at least min (" + Units.formatDuration(min) + ")");
                max = min;
            }
            m.finish();
            keys.add(k);
            ranges.put(k, new long[] {min, max, step});
            where.put(k, m.location());
        });
        if (ranges.isEmpty()) {
            sample.problemHere("ranges", "name at least one key with {min, max}, such as cluster.election-timeout: {min: 500ms, max: 5s}");
        }
        sample.finish();
        SimRandom rng = new RandomStreams(seed).stream("sweep/sample");
        List<SweepPoint> points = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            List<Setting> settings = new ArrayList<>();
            ranges.forEach((k, r) -> {
                long steps = (r[1] - r[0]) / r[2];
                long v = r[0] + r[2] * rng.nextLong(steps + 1);
                settings.add(new Setting(k, Units.formatDuration(v), where.get(k)));
            });
            SweepPoint p = new SweepPoint(settings);
            // a repeated draw adds nothing but cost
            if (seen.add(p.id())) {
                points.add(p);
            }
        }
        return points;
    }

    /** {@code seeds: 3} (seeds 1, 2, 3) or {@code seeds: [7, 42]}, at most {@link #MAX_SEEDS} either way. */
    private static List<Long> seeds(MapReader r) {
        YamlNode n = r.nodeOf("seeds");
        List<Long> seeds = new ArrayList<>();
        if (n instanceof YamlNode.YamlList) {
            List<YamlNode> items = r.list("seeds");
            if (items.size() > MAX_SEEDS) {
                r.problem("seeds", "at most " + MAX_SEEDS + " seeds, got " + items.size());
                return seeds;
            }
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                try {
                    if (!(item instanceof YamlNode.YamlScalar s)) {
                        throw new UnitException("expected " + Seeds.RULE + ", got " + item.describe());
                    }
                    long seed = Seeds.parse(s.text());
                    if (seeds.contains(seed)) {
                        throw new UnitException("seed " + seed + " is listed twice");
                    }
                    seeds.add(seed);
                } catch (UnitException e) {
                    r.problems().add(item.location(), "seeds", e.getMessage());
                }
            }
            if (items.isEmpty()) {
                r.problem("seeds", "expected at least one seed");
            }
        } else {
            long count = r.integer("seeds", 1, 1, MAX_SEEDS);
            for (long s = 1; s <= count; s++) {
                seeds.add(s);
            }
        }
        return seeds;
    }

    private static List<SweepMetric> metrics(MapReader r) {
        if (!r.has("metrics")) {
            return List.of(SweepMetric.values());
        }
        Map<String, SweepMetric> known = SweepMetric.byKey();
        List<SweepMetric> out = new ArrayList<>();
        List<YamlNode> items = r.list("metrics");
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String text = item instanceof YamlNode.YamlScalar s ? s.text() : item.describe();
            SweepMetric m = known.get(text);
            if (m == null) {
                String hint = io.stormglass.scenario.yaml.Suggestions.closest(text, known.keySet())
                        .map(c -> " (did you mean " + c + "?)").orElse("");
                r.problems().add(item.location(), "metrics[" + i + "]",
                        "unknown metric " + Quote.of(text) + hint + "; expected one of " + String.join(", ", known.keySet()));
            } else if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    static String defaultName(Path file) {
        String f = file.getFileName() == null ? "sweep" : file.getFileName().toString();
        return f.replaceFirst("\\.ya?ml$", "");
    }
}
