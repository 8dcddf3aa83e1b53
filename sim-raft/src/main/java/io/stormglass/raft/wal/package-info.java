/**
 * The member's write-ahead log and snapshot files, after etcd's {@code server/storage/wal} and
 * {@code snap} packages, written against the engine's {@link io.stormglass.engine.storage.FileSystem}
 * so that the disk model decides how long every fdatasync takes and what a crash leaves behind.
 *
 * <h2>Files</h2>
 * <pre>
 * &lt;dir&gt;/%016x-%016x.wal        segment: sequence number, index of the first entry it may hold
 * &lt;dir&gt;/%016x-%016x.wal.tmp    a segment being created (deleted on open)
 * &lt;snapDir&gt;/%016x-%016x.snap   snapshot: term, index   (see {@link io.stormglass.raft.wal.Snapshotter})
 * </pre>
 * A segment is cut when a save leaves it at {@link io.stormglass.raft.wal.WalOptions#segmentSizeBytes()}
 * or more: the full segment is synced, the next one is written under its temporary name (crc
 * record, metadata, last hard state), synced and renamed into place. So every segment but the
 * last was completely synced, and every visible segment has a synced header.
 *
 * <h2>Frame layout (all integers little-endian)</h2>
 * <pre>
 * offset  size  field
 *   0      8    length word: bits 0-55 payload length; if padded, bit 63 set and bits 56-58 the
 *               number of padding bytes (etcd's encodeFrameSize)
 *   8      4    record type: 1 metadata, 2 entry, 3 hard state, 4 crc, 5 snapshot marker,
 *               6 durable mark (etcd's numbers for 1-5)
 *  12      4    CRC32C (Castagnoli) of bytes 0-11 and the payload
 *  16      n    payload
 * 16+n     p    zero padding, p = (8 - n % 8) % 8, so every frame starts 8-byte aligned
 * </pre>
 * Payloads: entry = term u64, index u64, type u32, data; hard state = term u64, vote u64,
 * commit u64; snapshot marker = index u64, term u64; metadata = bytes; crc = chain u32;
 * durable mark = synced prefix length u64.
 *
 * <h2>Checksums: per record, plus a chain</h2>
 * Each frame carries its own CRC32C over its header and payload (unlike etcd's rolling CRC
 * over payloads), so a frame can be verified without the ones before it: recovery can look past
 * a damaged frame and tell whether valid records follow. The header is covered, so a flipped
 * length is caught rather than followed. For etcd's cross-record protection a chain value runs
 * through the WAL: {@code chain' = CRC32C(le32(chain) || le32(frameCrc))} over every frame but
 * the crc records; each segment starts with a crc record holding the chain value at its cut,
 * and recovery checks it against the value computed over the previous segment, which exposes a
 * lost segment tail.
 *
 * <h2>Durable marks: telling a torn write from a corrupt record</h2>
 * A crash may tear or garble only bytes written after the last completed sync; bit rot may hit
 * any byte. Before writing a batch, the WAL writes a durable mark with the prefix length of the
 * tail segment that its last completed sync covered, when that grew. A valid mark proves that
 * prefix was synced (it was written only after the sync completed). Recovery therefore decides:
 * <ul>
 *   <li>a bad frame in a segment that is not the last: fatal {@link io.stormglass.raft.wal.WalError.Corruption}
 *       naming the segment and the byte offset (the segment was synced before its successor existed);</li>
 *   <li>a bad frame in the last segment at an offset below what any valid mark in the file
 *       (before or after it) proves synced: fatal corruption, never skipped;</li>
 *   <li>otherwise the bad frame is a torn, zero-filled or garbled unsynced tail: the segment is
 *       truncated at the end of the last valid frame (etcd's {@code Repair}) and recovery returns
 *       the records before it.</li>
 * </ul>
 * What no single-copy log can tell apart: bit rot in the last batch whose sync completed but
 * that no later mark covers yet is treated as a torn tail and cut (point-in-time recovery).
 * A mark adds one 24-byte frame per synced batch.
 *
 * <h2>Replay</h2>
 * As etcd's {@code ReadAll}: reading starts at the newest segment whose first index is not above
 * the snapshot index; entries after the snapshot index are collected and an entry whose index is
 * not above the last one replaces that suffix (one at or below the snapshot index drops every
 * collected entry, where etcd would keep entries it had truncated); an index gap is corruption;
 * the last hard state wins; all metadata copies must agree; the snapshot marker must be found
 * with the same term. Reading costs no device time (the engine's {@code DataFile.read} is
 * synchronous); every save is one write and, when it must sync, one fdatasync.
 *
 * <h2>How a member uses it (etcd's order)</h2>
 * <ol>
 *   <li>Start: {@link io.stormglass.raft.wal.Wal#validSnapshotMarkers}, then
 *       {@link io.stormglass.raft.wal.Snapshotter#loadNewest(java.util.function.Predicate)} with
 *       those markers, then {@link io.stormglass.raft.wal.Wal#open} from the loaded snapshot's
 *       marker (or {@link io.stormglass.raft.wal.WalSnapshotMarker#ZERO});
 *       {@link io.stormglass.raft.wal.Wal#create} when there is no WAL yet.</li>
 *   <li>Each Ready: {@link io.stormglass.raft.wal.Wal#save} with {@code mustSync}; on a non-OK
 *       result the member stops.</li>
 *   <li>Snapshot: {@link io.stormglass.raft.wal.Snapshotter#save}, then
 *       {@link io.stormglass.raft.wal.Wal#saveSnapshot}, then
 *       {@link io.stormglass.raft.wal.Wal#releaseLockTo} with the snapshot index.</li>
 * </ol>
 */
package io.stormglass.raft.wal;
