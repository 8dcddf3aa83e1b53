package io.stormglass.scenario.load;

import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.YamlNode;

/**
 * Binds a scenario tree that was composed in memory rather than read from one file (a capacity
 * file's hardware profile laid over its workload): the same checks as {@link ScenarioLoader},
 * with every problem located where the composing file wrote the value.
 */
public final class ScenarioTrees {
    private ScenarioTrees() {
    }

    /**
     * @param doc  the scenario's keys, as a scenario file would hold them (no {@code extends:})
     * @param file names the scenario's origin in the result
     * @param name the scenario's name when {@code doc} sets none
     * @throws ScenarioException listing every problem, if the tree is not a valid scenario
     */
    public static Scenario bind(YamlNode.YamlMap doc, String file, String name) {
        return ScenarioBinder.bind(doc, file, name);
    }
}
