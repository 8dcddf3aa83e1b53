package io.stormglass.scenario.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input file is malformed: a scenario, sweep or capacity file, a file one of them names (fio
 * JSON, Prometheus text, a trace), a history, a resumed {@code sweep.csv}. Carries the problems
 * found, each with its location: at most {@link #MAX_SHOWN}, then one line saying how many more
 * there are, so that a file of garbage gives a screenful, not a flood.
 */
public final class ScenarioException extends RuntimeException {
    /** Most problems carried; the rest are counted in a last line. */
    public static final int MAX_SHOWN = 50;
    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(capped(problems).stream().map(ScenarioProblem::oneLine).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(capped(problems));
    }

    private static List<ScenarioProblem> capped(List<ScenarioProblem> all) {
        if (all.size() <= MAX_SHOWN) {
            return all;
        }
        List<ScenarioProblem> shown = new java.util.ArrayList<>(all.subList(0, MAX_SHOWN));
        shown.add(new ScenarioProblem(Location.wholeFile(all.get(0).location().file()), "",
                (all.size() - MAX_SHOWN) + " more problems not shown; fix the ones above first"));
        return shown;
    }

    public ScenarioException(ScenarioProblem problem) {
        this(List.of(problem));
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
