package io.stormglass.experiment.failover;

/**
 * One failover trial.
 *
 * @param seed             the trial run's root seed
 * @param crashAtNanos     when the leader was crashed (simulated time)
 * @param crashedLeader    the member that led and was crashed (0 if none led at that instant)
 * @param newLeader        the member every survivor came to know as leader (0 if none did in time)
 * @param failoverNanos    from the crash until the last survivor received the new leader's first message
 *                         (Raft paper §9.3); -1 if that never happened within the trial's observation window
 * @param terms            terms the election took (new leader's term minus the crashed leader's; 1 without a
 *                         split vote, more with; 0 if unresolved)
 * @param fingerprint      the fingerprint of the trial run's events up to where the trial stopped
 */
public record FailoverTrial(long seed, long crashAtNanos, int crashedLeader, int newLeader, long failoverNanos,
        long terms, String fingerprint) implements java.io.Serializable {
    /** Whether the survivors agreed on a new leader within the observation window. */
    public boolean resolved() {
        return failoverNanos >= 0;
    }
}
