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
        return term == 0 && vote == 0 && commit == 0;
    }

    /**
     * The components' equality, as the record's own; written out because every Ready check compares
     * hard states and the generated equals goes through method handles (issue 23).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof HardState h && h.term == term && h.vote == vote && h.commit == commit;
    }

    @Override
    public int hashCode() {
        return (31 * Long.hashCode(term) + Long.hashCode(vote)) * 31 + Long.hashCode(commit);
    }

    /** Whether persisting the change from {@code previous} to this needs an fsync (term or vote changed). */
    public boolean differsDurablyFrom(HardState previous) {
        return term != previous.term || vote != previous.vote;
    }
}
