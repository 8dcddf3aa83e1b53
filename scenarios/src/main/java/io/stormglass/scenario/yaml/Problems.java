package io.stormglass.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while binding a document, so that the user sees all of them at once. */
public final class Problems {
    private final List<ScenarioProblem> found = new ArrayList<>();

    public void add(Location location, String keyPath, String message) {
        found.add(new ScenarioProblem(location, keyPath, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<ScenarioProblem> all() {
        return List.copyOf(found);
    }

    /** Throws a {@link ScenarioException} carrying every problem, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ScenarioException(found);
        }
    }
}
