package io.stormglass.scenario.load;

import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Problems;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One device for {@code disk-check}: a model named on the command line with {@code --set}
 * options (the same keys, units and checks as a scenario's {@code disks:} entry), or a device
 * declared in a scenario file, neighbours included.
 */
public final class DiskLoader {
    private static final String NAME = "disk-check";

    private DiskLoader() {
    }

    /** A device of {@code model} with {@code sets} ({@code key=value}) as its options. */
    public static DeviceSpec fromModel(String model, List<String> sets) {
        Location origin = new Location("--disk", 1, 1);
        YamlNode root = new YamlNode.YamlMap(origin, new LinkedHashMap<>());
        root = YamlTrees.set(root, "disks." + NAME + ".model", model, origin);
        for (int i = 0; i < sets.size(); i++) {
            String set = sets.get(i);
            int eq = set.indexOf('=');
            // located as the n-th --set, as a scenario's --set overrides are
            Location where = new Location(SetOverrides.ORIGIN, i + 1, 1);
            if (eq <= 0) {
                throw new ScenarioException(new ScenarioProblem(where, "", "expected key=value (such as iops-limit=500/s), got "
                        + Quote.of(set)));
            }
            root = YamlTrees.set(root, "disks." + NAME + "." + set.substring(0, eq).trim(), set.substring(eq + 1).trim(), where);
        }
        Problems problems = new Problems();
        MapReader reader = MapReader.root(root, problems);
        DeviceBinder.Devices devices = DeviceBinder.bind(reader, 1, io.stormglass.scenario.units.Units.MAX_DURATION_NANOS);
        reader.finish();
        problems.throwIfAny();
        return devices.devices().get(NAME);
    }

    /** Device {@code device} of the scenario in {@code file}. */
    public static DeviceSpec fromScenario(Path file, String device) {
        Scenario s = ScenarioLoader.load(file);
        DeviceSpec spec = s.devices().get(device);
        if (spec == null) {
            throw new ScenarioException(new ScenarioProblem(new Location(file.toString(), 1, 1), "disks",
                    "no device named '" + device + "'; devices: " + String.join(", ", s.devices().keySet())));
        }
        return spec;
    }
}
