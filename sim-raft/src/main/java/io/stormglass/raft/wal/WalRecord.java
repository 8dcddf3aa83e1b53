package io.stormglass.raft.wal;

/**
 * The closed family of records the WAL stores. The member loop maps Raft types onto these; the
 * WAL knows nothing about Raft.
 */
public sealed interface WalRecord permits WalEntry, WalHardState, WalSnapshotMarker, WalMetadata, WalCrc {
}
