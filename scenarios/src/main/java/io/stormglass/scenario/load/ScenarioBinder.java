package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.ScenarioSchema.*;

import io.stormglass.scenario.model.ChecksSpec;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.ClusterSpec;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.schema.ClusterSchema;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Problems;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a resolved scenario tree (after {@code extends:} and {@code --set}) to a {@link Scenario},
 * checking every value. Reports every problem at once: the binders record problems and carry on
 * with defaults, and the scenario is built only if none was found.
 */
final class ScenarioBinder {
    private ScenarioBinder() {
    }

    static Scenario bind(YamlNode.YamlMap doc, String file, String defaultName) {
        Problems problems = new Problems();
        MapReader root = new MapReader(doc, "", problems);
        String name = NAME.read(root, defaultName);
        String description = DESCRIPTION.require(root, "").strip();
        if (DESCRIPTION.in(root) && description.isEmpty()) {
            DESCRIPTION.problem(root, "must say what the scenario shows");
        }
        long seed = SEED.read(root);
        int before = problems.count();
        long duration = DURATION.read(root);
        // a duration that could not be read is not held against the values compared with it
        boolean durationKnown = problems.count() == before;
        long warmup = WARMUP.read(root, Math.min(WARMUP.defaultValue(), duration / 2));
        if (durationKnown && warmup >= duration) {
            WARMUP.problem(root, "must be shorter than duration (" + Units.formatDuration(duration) + ")");
        }
        // the default shrinks with a short run, as warmup's does: only a window the user wrote can be too long
        long window = METRICS_WINDOW.read(root, durationKnown ? Math.min(METRICS_WINDOW.defaultValue(), duration)
                : METRICS_WINDOW.defaultValue());
        if (durationKnown && window > duration) {
            METRICS_WINDOW.problem(root, "must not be longer than duration (" + Units.formatDuration(duration) + ")");
        }

        MapReader cluster = section(root, "cluster");
        int beforeSize = problems.count();
        int size = ClusterBinder.size(cluster);
        if (problems.count() > beforeSize) {
            size = ClusterSchema.MAX_SIZE; // unreadable: do not report members beyond a size the user did not mean
        }
        int spares = ClusterBinder.spares(cluster, size);
        DeviceBinder.Devices devices = DeviceBinder.bind(root, size + spares, durationKnown ? duration : Units.MAX_DURATION_NANOS);
        ClusterSpec clusterSpec = ClusterBinder.bind(cluster, size, spares, devices);
        MapReader network = section(root, "network");
        NetworkSpec networkSpec = NetworkBinder.bind(network, clusterSpec.allMembers());
        MapReader workload = section(root, "workload");
        WorkloadSpec workloadSpec = WorkloadBinder.workload(workload, size);
        MapReader client = section(root, "client");
        ClientSpec clientSpec = WorkloadBinder.client(client);
        List<FaultSpec> faults = new FaultBinder(size, spares, new TreeSet<>(devices.devices().keySet()),
                durationKnown ? duration : Long.MAX_VALUE).bind(root);
        MapReader outputs = section(root, "outputs");
        OutputSpec outputSpec = new OutputSpec(outputDir(outputs), REPORT.read(outputs), MEMBER_LOGS.read(outputs),
                HISTORY.read(outputs));
        ChecksSpec checks = root.optionalMap("checks").map(ScenarioBinder::checks).orElse(ChecksSpec.NONE);
        for (MapReader m : List.of(cluster, network, workload, client, outputs, root)) {
            m.finish();
        }
        if (!problems.isEmpty()) {
            throw sorted(problems);
        }
        return new Scenario(name, description, file, seed, duration, warmup, window, clusterSpec, devices.devices(),
                networkSpec, workloadSpec, clientSpec, faults, outputSpec, checks);
    }

    /**
     * {@code outputs.dir}: a path with something in it and nothing invisible (a control character in
     * a folder name cannot be typed back). Whether the folder may be written is decided when a run
     * starts, not here.
     */
    private static String outputDir(MapReader outputs) {
        String dir = DIR.read(outputs);
        if (dir != null && (dir.isBlank() || dir.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT))) {
            DIR.problem(outputs, dir.isBlank() ? "expected a folder, got an empty path"
                    : "expected a folder name without control characters, got " + io.stormglass.scenario.units.Quote.of(dir));
            return null;
        }
        return dir;
    }

    /** {@code checks:}: each check on unless switched off, with the default bounds. */
    private static ChecksSpec checks(MapReader c) {
        ChecksSpec checks = new ChecksSpec(SAFETY.read(c), LINEARIZABILITY.read(c), LIVENESS.read(c), LINEARIZABILITY_STEPS.read(c));
        c.finish();
        return checks;
    }

    /** The mapping under {@code key}, or an empty one standing for "all defaults". */
    private static MapReader section(MapReader root, String key) {
        return root.optionalMap(key).orElseGet(() -> new MapReader(new YamlNode.YamlMap(root.location(), Map.of()),
                root.keyPath(key), root.problems()));
    }

    /** Problems in reading order: by file (the order files first appear), then line and column. */
    private static ScenarioException sorted(Problems problems) {
        return new ScenarioException(Problems.inReadingOrder(problems.all()));
    }
}
