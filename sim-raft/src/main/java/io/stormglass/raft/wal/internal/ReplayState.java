package io.stormglass.raft.wal.internal;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.wal.WalMetadata;
import java.util.List;

/**
 * What a successful replay hands to the writer.
 *
 * @param segments           every segment of the directory, by sequence; the last one is the tail
 * @param chainCrc           chain value after the last valid record of the tail
 * @param lastIndex          index of the last entry or snapshot marker read
 * @param tailDurableBytes   prefix of the tail proven synced by a durable mark
 * @param repairedTailBytes  torn bytes cut from the end of the tail
 * @param metadata           the metadata
 * @param hardState          the last hard state
 * @param entries            entries after the snapshot
 */
public record ReplayState(List<SegmentName> segments, int chainCrc, long lastIndex, long tailDurableBytes,
        long repairedTailBytes, WalMetadata metadata, HardState hardState, List<Entry> entries) {
}
