/**
 * The WAL's machinery; not API ({@link io.stormglass.raft.wal.Wal} is). It implements, once each, the
 * layout and the recovery rules documented in the {@code wal} package:
 * {@link io.stormglass.raft.wal.internal.Frames} encodes and verifies one frame (little-endian
 * integers, CRC32C over header and payload, 8-byte alignment) and advances the chain;
 * {@link io.stormglass.raft.wal.internal.RecordCodec} maps every
 * {@link io.stormglass.raft.wal.WalRecord} (Raft's own {@code Entry} and {@code HardState}, the
 * snapshot marker, the metadata, the crc record) and the durable mark to a payload and back;
 * {@link io.stormglass.raft.wal.internal.FrameBatch} turns one save into one write;
 * {@code SegmentName} and {@code SegmentFiles} name, list and read segments;
 * {@link io.stormglass.raft.wal.internal.SegmentScan} finds a segment's valid frames, its first bad
 * one and what valid durable marks prove synced; and
 * {@link io.stormglass.raft.wal.internal.WalReplay} rebuilds the log as etcd's {@code ReadAll} does
 * and repairs a torn tail as etcd's {@code Repair} does, answering with a
 * {@link io.stormglass.raft.wal.internal.ReplayState} or a {@link io.stormglass.raft.wal.WalError}
 * value. Nothing here schedules an event or waits on a device: reading a file is synchronous and costs
 * no device time, and replay changes the disk only by deleting leftover {@code .wal.tmp} files and
 * truncating a torn tail (volatile until the WAL's next sync). Deterministic and single-threaded;
 * only the engine's file interfaces and the {@code wal} and {@code log} records are used.
 */
package io.stormglass.raft.wal.internal;
