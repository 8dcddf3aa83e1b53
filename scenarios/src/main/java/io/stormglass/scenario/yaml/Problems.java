package io.stormglass.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while binding a document, so that the user sees all of them at once. */
public final class Problems {
    private final List<ScenarioProblem> found = new ArrayList<>();

    /** Records a problem; the same problem found twice (a default shared by every member) is kept once. */
    public void add(Location location, String keyPath, String message) {
        ScenarioProblem p = new ScenarioProblem(location, keyPath, message);
        if (!found.contains(p)) {
            found.add(p);
        }
    }

    /** How many problems were found so far (to tell whether a value was read cleanly). */
    public int count() {
        return found.size();
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
