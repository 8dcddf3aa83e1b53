/**
 * Log data: entries, hard state, snapshots, and byte helpers. Immutable values. The WAL stores
 * {@link io.stormglass.raft.log.Entry} and {@link io.stormglass.raft.log.HardState} as they are
 * ({@code WalRecord.EntryRecord} and {@code StateRecord}), as etcd's WAL stores {@code raftpb} records.
 */
package io.stormglass.raft.log;
