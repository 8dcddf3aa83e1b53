package io.stormglass.scenario.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario (or sweep, or capacity file) is malformed. Carries every problem found, each with its location. */
public final class ScenarioException extends RuntimeException {
    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::oneLine).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(ScenarioProblem problem) {
        this(List.of(problem));
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
