package io.stormglass.raft.wal;

/**
 * Raft's persistent state ({@code currentTerm}, {@code votedFor}, commit index, Raft §5.1 Figure 2).
 * The last one written wins on replay.
 *
 * @param term   current term
 * @param vote   member voted for in {@code term}, 0 for none
 * @param commit highest index known committed
 */
public record WalHardState(long term, long vote, long commit) implements WalRecord {
    /** The state before anything was saved; saving it alone writes nothing (etcd's {@code IsEmptyHardState}). */
    public static final WalHardState EMPTY = new WalHardState(0, 0, 0);

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
