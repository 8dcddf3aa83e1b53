package io.stormglass.scenario.print;

import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.schema.ScenarioSchema;
import io.stormglass.scenario.schema.YamlWriter;

/**
 * Prints a resolved {@link Scenario} — the seed and every parameter, defaults included — as a
 * scenario file in the schema of {@code docs/scenarios.md}: devices expanded one per member, each
 * member with its devices, placement and clock. Keys and their order come from the schema
 * ({@link ScenarioSchema}), so a key declared there is printed without further code. Loading the
 * printout gives the same scenario (a trace neighbour excepted, whose CSV is not repeated), so a
 * run's configuration can be saved and replayed. Output depends only on the scenario: keys in a
 * fixed order, maps sorted.
 */
public final class ScenarioPrinter {
    private ScenarioPrinter() {
    }

    public static String print(Scenario s) {
        YamlWriter w = new YamlWriter();
        w.comment("resolved from " + s.file() + " (every default filled in)");
        ScenarioSchema.SCENARIO.print(w, s);
        return w.toString();
    }
}
