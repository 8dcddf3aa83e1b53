package io.stormglass.raft.wal.internal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.wal.WalCrc;
import io.stormglass.raft.wal.WalError;
import io.stormglass.raft.wal.WalMetadata;
import io.stormglass.raft.wal.WalRecord;
import io.stormglass.raft.wal.WalSnapshotMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recovery: reads the segments from the one that holds the snapshot index to the tail, verifies
 * every frame and the segment chain, rebuilds the log as etcd's {@code ReadAll} does, and repairs
 * a torn tail as etcd's {@code Repair} does. The decision rules are in the package javadoc.
 */
public final class WalReplay {
    private final FileSystem fs;
    private final String dir;
    private final WalSnapshotMarker from;
    private final boolean markersOnly;
    private final List<Entry> entries = new ArrayList<>();
    private final List<WalSnapshotMarker> markers = new ArrayList<>();
    private WalMetadata metadata;
    private HardState hardState = HardState.EMPTY;
    private boolean snapshotMatched;
    private int chain;
    private long lastIndex;
    private Tail tail;

    /**
     * The last segment as read: where its valid frames end, the torn bytes after them, and the
     * prefix a durable mark proves synced.
     */
    private record Tail(DataFile file, int validEnd, long repairedBytes, long durableBytes) {
    }

    private WalReplay(FileSystem fs, String dir, WalSnapshotMarker from, boolean markersOnly) {
        this.fs = fs;
        this.dir = dir;
        this.from = from;
        this.markersOnly = markersOnly;
    }

    /** Replays {@code dir} from snapshot {@code from}; a {@link ReplayState} or the error that stops recovery. */
    public static Result replay(FileSystem fs, String dir, WalSnapshotMarker from) {
        return new WalReplay(fs, dir, from, false).run();
    }

    /**
     * Reads every segment for its snapshot markers and returns those not above the last hard
     * state's commit index (etcd's {@code ValidSnapshotEntries}); changes nothing on disk but deleting
     * leftover {@code .wal.tmp} files.
     */
    public static Result snapshotMarkers(FileSystem fs, String dir) {
        return new WalReplay(fs, dir, WalSnapshotMarker.ZERO, true).run();
    }

    /** The state (or, for {@link #snapshotMarkers}, the markers) or an error. */
    public record Result(ReplayState state, List<WalSnapshotMarker> markers, WalError error) {
    }

    private Result run() {
        List<SegmentName> segments = SegmentFiles.listAndCleanUp(fs, dir);
        Optional<WalError> missing = checkSequence(segments);
        if (missing.isPresent()) {
            return failed(missing.get());
        }
        int start = firstSegmentToRead(segments);
        if (start < 0) {
            return failed(new WalError.NotFound(dir, "no segment holds index " + from.index()));
        }
        for (int i = start; i < segments.size(); i++) {
            Optional<WalError> error = readSegment(dir + "/" + segments.get(i).fileName(), i > start,
                    i == segments.size() - 1);
            if (error.isPresent()) {
                return failed(error.get());
            }
        }
        if (markersOnly) {
            return new Result(null, validMarkers(), null);
        }
        return finish(segments, start);
    }

    /** There is at least one segment, and their sequence numbers have no gap. */
    private Optional<WalError> checkSequence(List<SegmentName> segments) {
        if (segments.isEmpty()) {
            return Optional.of(new WalError.NotFound(dir, "no segment files"));
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).seq() != segments.get(i - 1).seq() + 1) {
                return Optional.of(new WalError.NotFound(dir, "segment sequence jumps from "
                        + segments.get(i - 1).fileName() + " to " + segments.get(i).fileName()));
            }
        }
        return Optional.empty();
    }

    /**
     * Where reading starts: the newest segment whose first index is not above the snapshot index
     * (etcd's {@code searchIndex}), or the first segment when only markers are wanted; -1 if none.
     */
    private int firstSegmentToRead(List<SegmentName> segments) {
        int start = markersOnly ? 0 : -1;
        for (int i = 0; i < segments.size() && !markersOnly; i++) {
            if (Long.compareUnsigned(segments.get(i).firstIndex(), from.index()) <= 0) {
                start = i;
            }
        }
        return start;
    }

    /**
     * Reads one segment: verifies its frames, judges any damage, applies its records; for the tail
     * segment, remembers where its valid frames end and what a durable mark proves synced.
     */
    private Optional<WalError> readSegment(String path, boolean continuesChain, boolean isTail) {
        Optional<DataFile> file = fs.openExisting(path);
        if (file.isEmpty()) {
            return Optional.of(new WalError.NotFound(dir, "segment vanished: " + path));
        }
        byte[] buf = SegmentFiles.readAll(file.get());
        SegmentScan scan = SegmentScan.scan(buf, buf.length);
        if (scan.firstBad() != null) {
            Optional<WalError> fatal = judgeDamage(path, scan, isTail);
            if (fatal.isPresent()) {
                return fatal;
            }
        }
        Optional<WalError> error = apply(path, scan.frames(), continuesChain);
        if (error.isPresent()) {
            return error;
        }
        if (isTail) {
            int validEnd = scan.validEndOffset();
            tail = new Tail(file.get(), validEnd, buf.length - validEnd, Math.min(scan.provenDurableBytes(), validEnd));
        }
        return Optional.empty();
    }

    /** The snapshot markers not above the last hard state's commit index. */
    private List<WalSnapshotMarker> validMarkers() {
        List<WalSnapshotMarker> valid = new ArrayList<>();
        for (WalSnapshotMarker m : markers) {
            if (m.index() <= hardState.commit()) {
                valid.add(m);
            }
        }
        return List.copyOf(valid);
    }

    /** After every segment was read: the snapshot and the metadata must have been found; a torn tail is cut. */
    private Result finish(List<SegmentName> segments, int start) {
        if (!snapshotMatched) {
            return failed(new WalError.SnapshotNotFound(from));
        }
        if (metadata == null) {
            return failed(new WalError.Corruption(dir + "/" + segments.get(start).fileName(), 0, "no metadata record"));
        }
        if (tail.repairedBytes() > 0) {
            // etcd's Repair; durable with the next sync, and a crash before it leads to the same cut again
            RaftProbe.WAL_TORN_TAIL_CUT.hit();
            tail.file().truncate(tail.validEnd());
        }
        return new Result(new ReplayState(List.copyOf(segments), chain, lastIndex, tail.durableBytes(),
                tail.repairedBytes(), metadata, hardState, List.copyOf(entries)), List.of(), null);
    }

    /**
     * A bad frame is fatal unless it sits in the tail segment after everything a valid durable
     * mark proves synced: only then can it be a write that a crash tore.
     */
    private static Optional<WalError> judgeDamage(String path, SegmentScan scan, boolean isTail) {
        Frames.BadFrame bad = scan.firstBad();
        if (!isTail) {
            return Optional.of(new WalError.Corruption(path, bad.offset(), bad.reason()
                    + " in a segment that was synced before its successor was created"));
        }
        if (scan.provenDurableBytes() > bad.offset()) {
            return Optional.of(new WalError.Corruption(path, bad.offset(), bad.reason() + "; "
                    + scan.validFramesAfterBad() + " valid record(s) follow and a durable mark proves the first "
                    + scan.provenDurableBytes() + " bytes were synced"));
        }
        return Optional.empty();
    }

    private Optional<WalError> apply(String path, List<Frames.Frame> frames, boolean continuesChain) {
        if (frames.isEmpty() || frames.get(0).type() != Frames.TYPE_CRC) {
            return Optional.of(new WalError.Corruption(path, 0, "segment does not start with a crc record"));
        }
        for (Frames.Frame frame : frames) {
            Optional<WalRecord> record;
            try {
                record = RecordCodec.decode(frame);
            } catch (IllegalArgumentException e) {
                return Optional.of(new WalError.Corruption(path, frame.offset(), e.getMessage()));
            }
            if (frame.type() == Frames.TYPE_CRC) {
                int stored = ((WalCrc) record.orElseThrow()).chainCrc();
                if (frame.offset() != 0) {
                    return Optional.of(new WalError.Corruption(path, frame.offset(), "crc record inside a segment"));
                }
                if (continuesChain && stored != chain) {
                    return Optional.of(new WalError.Corruption(path, 0, "segment chain broken: segment starts with "
                            + Integer.toHexString(stored) + " but the previous segment ends with "
                            + Integer.toHexString(chain) + " (a segment tail is missing)"));
                }
                chain = stored;
                continue;
            }
            chain = Frames.chain(chain, frame.crc());
            if (record.isPresent()) {
                Optional<WalError> error = applyRecord(path, frame.offset(), record.get());
                if (error.isPresent()) {
                    return error;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<WalError> applyRecord(String path, int offset, WalRecord record) {
        if (record instanceof WalRecord.EntryRecord r && markersOnly) {
            lastIndex = r.entry().index();
        } else if (record instanceof WalRecord.EntryRecord r) {
            Entry e = r.entry();
            if (e.index() > from.index()) {
                long up = e.index() - from.index() - 1;
                if (up > entries.size()) {
                    return Optional.of(new WalError.Corruption(path, offset, "entry index " + e.index()
                            + " leaves a gap after index " + (from.index() + entries.size())));
                }
                // a rewritten suffix (a new leader's entries) replaces what followed it, as in etcd's ReadAll
                if (up < entries.size()) {
                    RaftProbe.WAL_SUFFIX_REPLACED.hit();
                }
                entries.subList((int) up, entries.size()).clear();
                entries.add(e);
            } else {
                // the log was cut back to e.index(), so nothing after the snapshot survives; etcd's
                // ReadAll skips such an entry and would keep stale entries written before it
                entries.clear();
            }
            lastIndex = e.index();
        } else if (record instanceof WalRecord.StateRecord s) {
            hardState = s.state();
        } else if (record instanceof WalMetadata m) {
            if (metadata != null && !metadata.equals(m)) {
                return Optional.of(new WalError.Corruption(path, offset, "metadata conflicts with earlier copy"));
            }
            metadata = m;
        } else if (record instanceof WalSnapshotMarker m) {
            markers.add(m);
            if (m.index() == from.index()) {
                if (m.term() != from.term()) {
                    return Optional.of(new WalError.SnapshotMismatch(from, m.term()));
                }
                snapshotMatched = true;
            }
            lastIndex = Math.max(lastIndex, m.index());
        }
        return Optional.empty();
    }

    private static Result failed(WalError error) {
        return new Result(null, List.of(), error);
    }
}
