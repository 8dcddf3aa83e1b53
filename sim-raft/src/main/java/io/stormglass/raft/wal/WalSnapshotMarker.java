package io.stormglass.raft.wal;

import io.stormglass.raft.log.ConfState;
import java.util.Objects;

/**
 * Marks that a snapshot at {@code index}/{@code term} was taken; recovery from that snapshot must
 * find this marker in the WAL (etcd's {@code walpb.Snapshot}, which carries the snapshot's
 * {@code ConfState} as well since etcd 3.5).
 *
 * @param index     last index covered by the snapshot
 * @param term      term of that entry
 * @param confState the configuration as of {@code index} ({@link ConfState#EMPTY} for the zero marker)
 */
public record WalSnapshotMarker(long index, long term, ConfState confState) implements WalRecord {
    /** The marker {@link Wal#create} writes: recovery "from no snapshot" starts here. */
    public static final WalSnapshotMarker ZERO = new WalSnapshotMarker(0, 0);

    public WalSnapshotMarker {
        Objects.requireNonNull(confState, "confState");
    }

    /** A marker that carries no configuration. */
    public WalSnapshotMarker(long index, long term) {
        this(index, term, ConfState.EMPTY);
    }

    /** Whether this marker names the same snapshot as {@code other} (index and term; recovery matches on these, as etcd). */
    public boolean sameSnapshot(WalSnapshotMarker other) {
        return index == other.index && term == other.term;
    }
}
