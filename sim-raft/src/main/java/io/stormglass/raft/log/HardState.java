package io.stormglass.raft.log;

/**
 * The state a member must persist before it answers any message that depends on it (§5.1, Figure 2
 * "persistent state"): the current term, the candidate voted for in it ({@code 0} = none), and the
 * commit index (persisted so that a restart need not re-learn it; safe to lose).
 */
public record HardState(long term, long vote, long commit) {
    public static final HardState EMPTY = new HardState(0, 0, 0);

    public HardState {
        if (term < 0 || vote < 0 || commit < 0) {
            throw new IllegalArgumentException("negative hard state: " + term + "/" + vote + "/" + commit);
        }
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Whether persisting the change from {@code previous} to this needs an fsync (term or vote changed). */
    public boolean differsDurablyFrom(HardState previous) {
        return term != previous.term || vote != previous.vote;
    }
}
