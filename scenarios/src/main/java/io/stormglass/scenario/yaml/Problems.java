package io.stormglass.scenario.yaml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems found while binding a document, so that the user sees all of them at once. */
public final class Problems {
    /** In the order found; a set, so that a file with a hundred thousand mistakes is judged in linear time. */
    private final Set<ScenarioProblem> found = new LinkedHashSet<>();

    /** Key paths with a problem. */
    private final Set<String> failed = new java.util.HashSet<>();
    /** Every path above a key path with a problem ({@code a} and {@code a.b} for {@code a.b[0]}). */
    private final Set<String> above = new java.util.HashSet<>();

    /**
     * Records a problem, unless it follows from one already recorded: the same problem found twice
     * (a default shared by every member) is kept once; so is any later problem about the same key,
     * a key above it ({@code rate: -5/s} is "not negative"; that it is then not "above 0/s", or
     * that {@code mix:} does not sum to 1 after {@code mix.put} was unreadable, says nothing new)
     * or a key inside it ({@code ramp: fast} is not a mapping; that it lacks {@code ramp.start}
     * follows).
     */
    public void add(Location location, String keyPath, String message) {
        if (!keyPath.isEmpty() && (above.contains(keyPath) || ancestors(keyPath).stream().anyMatch(failed::contains))) {
            return;
        }
        if (found.add(new ScenarioProblem(location, keyPath, message)) && !keyPath.isEmpty()) {
            failed.add(keyPath);
            above.addAll(ancestors(keyPath));
        }
    }

    /** {@code a.b[0]} → {@code a.b[0]}, {@code a.b}, {@code a}. */
    private static List<String> ancestors(String keyPath) {
        List<String> out = new java.util.ArrayList<>();
        out.add(keyPath);
        for (int i = keyPath.length() - 1; i > 0; i--) {
            if (keyPath.charAt(i) == '.' || keyPath.charAt(i) == '[') {
                out.add(keyPath.substring(0, i));
            }
        }
        return out;
    }

    /** Records problems found apart (each point of a sweep), keeping each unless it is the very same. */
    public void addAll(List<ScenarioProblem> problems) {
        found.addAll(problems);
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

    /**
     * {@code problems} in reading order: by file (in the order files first appear), then line and
     * column; problems at one place keep their order.
     */
    public static List<ScenarioProblem> inReadingOrder(List<ScenarioProblem> problems) {
        List<String> files = new java.util.ArrayList<>();
        problems.forEach(p -> {
            if (!files.contains(p.location().file())) {
                files.add(p.location().file());
            }
        });
        List<ScenarioProblem> sorted = new java.util.ArrayList<>(problems);
        sorted.sort(java.util.Comparator.<ScenarioProblem>comparingInt(p -> files.indexOf(p.location().file()))
                .thenComparingInt(p -> p.location().line()).thenComparingInt(p -> p.location().column()));
        return sorted;
    }

    /** Throws a {@link ScenarioException} carrying every problem, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ScenarioException(all());
        }
    }
}
