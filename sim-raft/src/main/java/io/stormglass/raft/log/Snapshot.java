package io.stormglass.raft.log;

import java.util.Arrays;
import java.util.Objects;

/**
 * A state-machine snapshot (§7): the application's state up to and including
 * {@code metadata.index}, which replaces the log prefix it covers. Equality compares contents.
 */
public record Snapshot(SnapshotMetadata metadata, byte[] data) {
    public static final Snapshot EMPTY = new Snapshot(SnapshotMetadata.EMPTY, new byte[0]);

    public Snapshot {
        Objects.requireNonNull(metadata, "metadata");
        data = data == null ? new byte[0] : data;
    }

    public long index() {
        return metadata.index();
    }

    public long term() {
        return metadata.term();
    }

    /** A snapshot at index 0 carries no state. */
    public boolean isEmpty() {
        return metadata.index() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.metadata.equals(metadata) && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Snapshot{index=" + index() + " term=" + term() + " " + metadata.confState()
                + " " + Bytes.show(data) + "}";
    }
}
