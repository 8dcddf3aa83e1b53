package io.stormglass.raft.wal;

/**
 * Marks that a snapshot at {@code index}/{@code term} was taken; recovery from that snapshot must
 * find this marker in the WAL (etcd's {@code walpb.Snapshot}).
 *
 * @param index last index covered by the snapshot
 * @param term  term of that entry
 */
public record WalSnapshotMarker(long index, long term) implements WalRecord {
    /** The marker {@link Wal#create} writes: recovery "from no snapshot" starts here. */
    public static final WalSnapshotMarker ZERO = new WalSnapshotMarker(0, 0);
}
