package io.stormglass.experiment.fuzz;

import java.util.EnumSet;
import java.util.Set;

/**
 * What random schedules may contain: which fault kinds, how many faults, how long each lasts.
 * The members, devices and run length come from the scenario the schedule is drawn for.
 *
 * @param kinds                the fault kinds to draw from (uniformly)
 * @param maxFaults            at most this many faults per schedule (uniform from 0)
 * @param maxFaultDurationNanos each fault lasts from 1 ms up to this
 */
public record FaultSpace(Set<FaultKind> kinds, int maxFaults, long maxFaultDurationNanos) implements java.io.Serializable {
    /** Every kind but membership changes (which need spare members), up to 20 faults of up to 3 s each: the property suite's space. */
    public static final FaultSpace DEFAULT = new FaultSpace(EnumSet.complementOf(EnumSet.of(FaultKind.MEMBER_CHANGE)), 20,
            3_000_000_000L);

    public FaultSpace {
        if (kinds.isEmpty() || maxFaults < 0 || maxFaultDurationNanos < 1_000_000L) {
            throw new IllegalArgumentException("a fault space needs a kind, a non-negative fault count and durations of 1 ms or more");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }
}
