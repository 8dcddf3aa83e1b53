package io.stormglass.raft.wal;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;

/**
 * The closed family of records the WAL stores. Raft's own records (a log {@link Entry}, the
 * {@link HardState}) are stored as they are, as etcd's WAL stores {@code raftpb.Entry} and
 * {@code raftpb.HardState}; the rest are the WAL's bookkeeping.
 */
public sealed interface WalRecord permits WalRecord.EntryRecord, WalRecord.StateRecord, WalSnapshotMarker, WalMetadata, WalCrc {

    /** A log entry; its index is at least 1. */
    record EntryRecord(Entry entry) implements WalRecord {
        public EntryRecord {
            if (entry.index() <= 0) {
                throw new IllegalArgumentException("a WAL entry needs index >= 1: " + entry);
            }
        }
    }

    /** Raft's persistent state; the last one written wins on replay. */
    record StateRecord(HardState state) implements WalRecord {
    }
}
