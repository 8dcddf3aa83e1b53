package io.stormglass.experiment.sweep;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario of one sweep point: the base file with the sweep's fixed settings, then the point's,
 * applied as {@code --set} overrides. Problems that the loader locates at the n-th override are
 * moved to where that value stands in the sweep file.
 */
final class PointScenarios {
    private PointScenarios() {
    }

    /**
     * @throws ScenarioException if the point's scenario is not valid (problems located in the sweep or base file)
     */
    static Scenario load(SweepSpec sweep, SweepPoint point) {
        List<Setting> all = new ArrayList<>(sweep.fixed());
        all.addAll(point.settings());
        try {
            return ScenarioLoader.load(sweep.base(), all.stream().map(Setting::asSet).toList());
        } catch (ScenarioException e) {
            List<ScenarioProblem> moved = new ArrayList<>();
            for (ScenarioProblem p : e.problems()) {
                Location at = p.location();
                if (at.file().equals("--set") && at.line() >= 1 && at.line() <= all.size()) {
                    at = all.get(at.line() - 1).at();
                }
                moved.add(new ScenarioProblem(at, p.keyPath(), p.message()));
            }
            throw new ScenarioException(moved);
        }
    }

    /**
     * Whether a problem is a value etcd would refuse for this combination (election timeout below
     * 5 × heartbeat, not a multiple of it, above 50 s...) rather than a mistake in the sweep file:
     * such a point is recorded as {@code invalid} and the sweep goes on.
     */
    static boolean isRefusedValue(ScenarioProblem p) {
        return p.message().startsWith("must be");
    }
}
