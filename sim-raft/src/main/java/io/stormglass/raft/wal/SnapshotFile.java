package io.stormglass.raft.wal;

import io.stormglass.raft.log.ConfState;
import java.util.Arrays;
import java.util.Objects;

/**
 * A state-machine snapshot as stored beside the WAL.
 *
 * @param term      term of the last entry the snapshot covers
 * @param index     index of that entry
 * @param confState the configuration as of {@code index} (etcd's {@code raftpb.SnapshotMetadata.ConfState})
 * @param data      the serialized state (opaque here)
 */
public record SnapshotFile(long term, long index, ConfState confState, byte[] data) {
    public SnapshotFile {
        Objects.requireNonNull(confState, "confState");
        data = data == null ? new byte[0] : data;
    }

    /** A snapshot that carries no configuration. */
    public SnapshotFile(long term, long index, byte[] data) {
        this(term, index, ConfState.EMPTY, data);
    }

    /** The WAL marker that names this snapshot, with its configuration. */
    public WalSnapshotMarker marker() {
        return new WalSnapshotMarker(index, term, confState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotFile s && s.term == term && s.index == index && s.confState.equals(confState)
                && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(term) * 31 + Long.hashCode(index)) * 31 + confState.voters().size()) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SnapshotFile[term=" + term + ", index=" + index + ", " + confState + ", bytes=" + data.length + "]";
    }
}
