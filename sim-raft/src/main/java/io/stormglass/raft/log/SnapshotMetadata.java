package io.stormglass.raft.log;

import java.util.List;

/**
 * What a snapshot covers (§7): the last included index and term, and the voter set at that index.
 *
 * @param voters member ids, ascending, immutable
 */
public record SnapshotMetadata(long index, long term, List<Long> voters) {
    public static final SnapshotMetadata EMPTY = new SnapshotMetadata(0, 0, List.of());

    public SnapshotMetadata {
        if (index < 0 || term < 0) {
            throw new IllegalArgumentException("negative snapshot index/term: " + index + "/" + term);
        }
        voters = voters.stream().sorted().distinct().toList();
    }
}
