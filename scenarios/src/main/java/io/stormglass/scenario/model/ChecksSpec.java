package io.stormglass.scenario.model;

/**
 * What a run checks, for safety testing ({@code checks:}). With checks on, the run records the
 * client history in memory whatever {@code outputs.history} says, and goes on past
 * {@code duration}: at {@code duration} the workload stops and every fault ends (the network and
 * disks heal, crashed members restart), then a liveness phase, then the history is checked.
 *
 * @param safety               watch every member with the safety monitor (election safety, log
 *                             matching, leader completeness, state-machine safety, durability of
 *                             synced and of acknowledged writes)
 * @param linearizability      check the client history for linearizability after the run
 * @param livenessBoundNanos   after the faults end, a write must be acknowledged while a leader
 *                             exists and be applied by every member within this (0: no liveness phase)
 * @param linearizabilitySteps the checker's search budget in steps (deterministic, unlike a time
 *                             budget); past it the verdict is "unknown", which is not a failure
 */
public record ChecksSpec(boolean safety, boolean linearizability, long livenessBoundNanos, long linearizabilitySteps) {
    /** No checks: a plain run. */
    public static final ChecksSpec NONE = new ChecksSpec(false, false, 0, 0);
    /** Heal, an election (up to two timeouts), a client deadline lost on a member still catching up, slack. */
    public static final long DEFAULT_LIVENESS_BOUND_NANOS = 10_000_000_000L;
    public static final long DEFAULT_LINEARIZABILITY_STEPS = 20_000_000L;
    /** Every check with its default bounds. */
    public static final ChecksSpec ALL = new ChecksSpec(true, true, DEFAULT_LIVENESS_BOUND_NANOS, DEFAULT_LINEARIZABILITY_STEPS);

    public ChecksSpec {
        if (livenessBoundNanos < 0 || linearizabilitySteps < 0) {
            throw new IllegalArgumentException("bounds must not be negative");
        }
    }

    /** True if the run checks anything. */
    public boolean any() {
        return safety || linearizability || livenessBoundNanos > 0;
    }
}
