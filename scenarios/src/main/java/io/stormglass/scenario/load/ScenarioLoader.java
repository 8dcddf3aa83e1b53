package io.stormglass.scenario.load;

import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a scenario file into a {@link Scenario}: reads it, applies its {@code extends:} chain,
 * then each command-line {@code --set key.path=value} in order, binds the result and checks every
 * value. The schema is documented in {@code docs/scenarios.md}.
 *
 * <p>Every user mistake ends in one {@link ScenarioException} listing all problems found, each
 * with {@code file:line:column}, the key path and what was expected; nothing else is thrown for
 * bad input. Reading a file is the only side effect; loading the same inputs twice gives equal
 * scenarios.
 */
public final class ScenarioLoader {
    /** The "file" that problems of a {@code --set} override are located in ({@code --set:N:1} for the n-th). */
    public static final String SET_ORIGIN = SetOverrides.ORIGIN;

    private ScenarioLoader() {
    }

    /** Loads {@code file} with no overrides. */
    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads {@code file}, applying {@code sets} ({@code key.path=value}, as given to {@code --set}).
     *
     * @throws ScenarioException listing every problem, if the scenario is not valid
     */
    public static Scenario load(Path file, List<String> sets) {
        String shown = file.toString();
        YamlNode.YamlMap doc = ScenarioSources.resolve(file, shown);
        doc = SetOverrides.apply(doc, sets);
        return ScenarioBinder.bind(doc, shown, defaultName(file));
    }

    /** A scenario's name when it sets none: the file name without {@code .yaml}/{@code .yml}. */
    static String defaultName(Path file) {
        String f = file.getFileName() == null ? "scenario" : file.getFileName().toString();
        return f.replaceFirst("\\.ya?ml$", "");
    }
}
