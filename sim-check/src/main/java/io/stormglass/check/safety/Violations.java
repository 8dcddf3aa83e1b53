package io.stormglass.check.safety;

import io.stormglass.engine.event.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the checks of a {@link SafetyMonitor} put what they find: violations in the order seen, stamped
 * with the simulation's clock, the first {@value SafetyMonitor#MAX_KEPT_VIOLATIONS} kept in full, the
 * rest counted.
 */
final class Violations {
    private final Clock clock;
    private final List<SafetyViolation> kept = new ArrayList<>();
    private long dropped;

    Violations(Clock clock) {
        this.clock = clock;
    }

    void add(Invariant invariant, List<Integer> members, String explanation) {
        if (kept.size() < SafetyMonitor.MAX_KEPT_VIOLATIONS) {
            kept.add(new SafetyViolation(invariant, clock.nowNanos(), members, explanation));
        } else {
            dropped++;
        }
    }

    List<SafetyViolation> kept() {
        return Collections.unmodifiableList(kept);
    }

    long dropped() {
        return dropped;
    }

    /** Member ids, ascending and each once. */
    static List<Integer> sorted(int... ids) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int id : ids) {
            set.add(id);
        }
        return List.copyOf(set);
    }
}
