package io.stormglass.raft.log;

import java.util.Objects;

/**
 * What a snapshot covers (§7): the last included index and term, and the configuration as of that index
 * (thesis §5.1: "the latest configuration as of the last included index"), which a member installing the
 * snapshot adopts.
 */
public record SnapshotMetadata(long index, long term, ConfState confState) {
    public static final SnapshotMetadata EMPTY = new SnapshotMetadata(0, 0, ConfState.EMPTY);

    public SnapshotMetadata {
        Objects.requireNonNull(confState, "confState");
        if (index < 0 || term < 0) {
            throw new IllegalArgumentException("negative snapshot index/term: " + index + "/" + term);
        }
    }
}
