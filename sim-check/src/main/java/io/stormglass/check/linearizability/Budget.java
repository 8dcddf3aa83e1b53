package io.stormglass.check.linearizability;

/**
 * How long a check may search before it answers "unknown". Implementations: {@link #steps} (a
 * deterministic count of search steps, for tests and property suites) or a wall-clock budget
 * supplied by the command line (which lives outside the simulation modules).
 */
@FunctionalInterface
public interface Budget {
    /** Called regularly during the search; true ends it with an "unknown" answer. */
    boolean exhausted(long stepsSoFar);

    static Budget steps(long maxSteps) {
        return steps -> steps >= maxSteps;
    }

    static Budget unlimited() {
        return steps -> false;
    }
}
