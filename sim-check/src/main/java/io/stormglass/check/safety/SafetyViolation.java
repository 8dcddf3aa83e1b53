package io.stormglass.check.safety;

import java.util.List;

/**
 * One observed breach of an {@link Invariant}.
 *
 * @param invariant   what was broken
 * @param atNanos     simulated time of the event that revealed it
 * @param members     the members involved (ids, ascending)
 * @param explanation what was seen, in words a person can check against the logs
 */
public record SafetyViolation(Invariant invariant, long atNanos, List<Integer> members, String explanation) {
    public SafetyViolation {
        members = List.copyOf(members);
    }

    /** One line: time in milliseconds, invariant, members, explanation. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%.3f ms %s %s: %s", atNanos / 1e6, invariant, members, explanation);
    }
}
