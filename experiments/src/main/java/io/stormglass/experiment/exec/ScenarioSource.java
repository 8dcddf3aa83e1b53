package io.stormglass.experiment.exec;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a job's base scenario comes from, so that a remote executor loads the same one: the file as
 * the user named it, its absolute path on the driver, and the {@code --set} overrides. An executor
 * must see the file at that absolute path (a shared folder, or the same image; docs/distributed.md).
 *
 * @param shown    the path as given on the command line (kept as the scenario's {@code file})
 * @param absolute the same file's absolute path on the driver
 * @param sets     {@code --set} overrides, in order
 */
public record ScenarioSource(String shown, String absolute, List<String> sets) implements Serializable {
    public ScenarioSource {
        sets = List.copyOf(sets);
    }

    /** The source of {@code file} with {@code sets}, resolved against this JVM's working folder. */
    public static ScenarioSource of(Path file, List<String> sets) {
        return new ScenarioSource(file.toString(), file.toAbsolutePath().normalize().toString(), sets);
    }

    /** The scenario, loaded once per JVM; named {@link #shown} as on the driver, so every engine prints the same. */
    public Scenario load() {
        return LoadedOnce.get("scenario\n" + absolute + "\n" + String.join("\n", sets),
                k -> ScenarioLoader.load(Path.of(absolute), sets).withFile(shown));
    }
}
