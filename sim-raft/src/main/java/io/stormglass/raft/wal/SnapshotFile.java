package io.stormglass.raft.wal;

import java.util.Arrays;

/**
 * A state-machine snapshot as stored beside the WAL.
 *
 * @param term  term of the last entry the snapshot covers
 * @param index index of that entry
 * @param data  the serialized state (opaque here)
 */
public record SnapshotFile(long term, long index, byte[] data) {
    public SnapshotFile {
        data = data == null ? new byte[0] : data;
    }

    /** The WAL marker that names this snapshot. */
    public WalSnapshotMarker marker() {
        return new WalSnapshotMarker(index, term);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotFile s && s.term == term && s.index == index && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(term) * 31 + Long.hashCode(index)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SnapshotFile[term=" + term + ", index=" + index + ", bytes=" + data.length + "]";
    }
}
