package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.wal.internal.FrameBatch;
import io.stormglass.raft.wal.internal.ReplayState;
import io.stormglass.raft.wal.internal.SegmentFiles;
import io.stormglass.raft.wal.internal.SegmentName;
import io.stormglass.raft.wal.internal.WalReplay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An etcd-style write-ahead log over the engine's {@link io.stormglass.engine.storage.FileSystem}.
 *
 * <p>Durability contract: when the callback of {@link #save} with {@code mustSync} (or of
 * {@link #saveSnapshot}) reports OK, every record passed to this WAL so far survives any crash
 * and {@link #open} returns it. Without {@code mustSync} the records are written (visible to a
 * reopen without power loss) but not durable, and the callback runs as soon as they are written.
 * Callbacks of calls that sync run on the simulation loop in call order.
 *
 * <p>Failure contract: the first failed write or fdatasync (EIO, ENOSPC) poisons the WAL: that
 * call and every later one complete with the failing status. After an EIO the kernel may have
 * dropped dirty pages and a later fsync may falsely succeed ("fsyncgate"), so, as etcd panics the
 * member, the caller must treat a non-OK result as fatal.
 *
 * <p>Calls may be issued while earlier syncs are in flight; writes go to the page cache at once
 * and the file system groups concurrent syncs. Creating the first segment and cutting a segment
 * are barriers: calls made meanwhile wait and run in order afterwards.
 */
public final class Wal {
    private static final int MAX_KEPT_SCRATCH_BYTES = 1 << 20;

    private final WalContext ctx;
    private final List<SegmentName> segments;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final WalMetadata metadata;
    private DataFile tail;
    private int chain;
    private long lastIndex;
    private HardState hardState;
    private long durableBytes;
    private long markedBytes;
    /**
     * Where the next batch encodes its frames: the last batch's buffer, reused (files copy what
     * they are given), unless a rare large batch grew it past {@link #MAX_KEPT_SCRATCH_BYTES}.
     */
    private byte[] frameScratch = new byte[4096];
    private IoStatus failure;
    private boolean busy;

    private Wal(WalContext ctx, List<SegmentName> segments, WalMetadata metadata, HardState hardState) {
        this.ctx = ctx;
        this.segments = new ArrayList<>(segments);
        this.metadata = metadata;
        this.hardState = hardState;
    }

    /**
     * Creates a WAL in an empty directory: segment {@code 0000000000000000-0000000000000000.wal}
     * holding a crc record, the metadata and the zero snapshot marker. The segment is written
     * under a temporary name, synced, then renamed, so it either exists whole or not at all.
     * The returned WAL accepts calls at once; they run after creation. {@code done} reports the
     * creation's sync.
     *
     * @throws WalException with {@link WalError.AlreadyExists} if the directory holds a segment
     */
    public static Wal create(WalContext ctx, byte[] metadata, IoCallback done) {
        if (!SegmentFiles.listAndCleanUp(ctx.fs(), ctx.dir()).isEmpty()) {
            throw new WalError.AlreadyExists(ctx.dir()).toException();
        }
        Wal wal = new Wal(ctx, List.of(), new WalMetadata(metadata), HardState.EMPTY);
        long start = ctx.clock().nowNanos();
        wal.startSegment(new SegmentName(0, 0), List.of(new WalMetadata(metadata), WalSnapshotMarker.ZERO),
                status -> done.onComplete(new IoResult(status, start, ctx.clock().nowNanos())));
        return wal;
    }

    /**
     * Recovers the WAL in {@code ctx.dir()} starting at the snapshot {@code fromSnapshot} (use
     * {@link WalSnapshotMarker#ZERO} for none), as etcd's {@code Open} + {@code ReadAll}: entries
     * after the snapshot, the last hard state and the metadata; a torn tail of the last segment
     * is cut. Reading costs no device time (the page cache or a sequential read at startup).
     */
    public static WalOpenResult open(WalContext ctx, WalSnapshotMarker fromSnapshot) {
        WalReplay.Result result = WalReplay.replay(ctx.fs(), ctx.dir(), fromSnapshot);
        if (result.error() != null) {
            return new WalOpenResult.Failed(result.error());
        }
        ReplayState s = result.state();
        Wal wal = new Wal(ctx, s.segments(), s.metadata(), s.hardState());
        wal.tail = ctx.fs().openExisting(wal.tailPath()).orElseThrow();
        wal.chain = s.chainCrc();
        wal.lastIndex = s.lastIndex();
        wal.durableBytes = s.tailDurableBytes();
        wal.markedBytes = s.tailDurableBytes();
        return new WalOpenResult.Opened(wal, s.metadata(), s.hardState(), s.entries(), s.repairedTailBytes());
    }

    /**
     * The snapshot markers in the WAL whose index is not above the last saved commit index
     * (etcd's {@code ValidSnapshotEntries}), oldest first: the snapshots a restarting member may
     * load (with {@link Snapshotter#loadNewest(java.util.function.Predicate)}) before
     * {@link #open}. Reads every segment; changes nothing but deleting leftover {@code .wal.tmp} files.
     */
    public static WalMarkersResult validSnapshotMarkers(WalContext ctx) {
        WalReplay.Result result = WalReplay.snapshotMarkers(ctx.fs(), ctx.dir());
        if (result.error() != null) {
            return new WalMarkersResult.Failed(result.error());
        }
        return new WalMarkersResult.Found(result.markers());
    }

    /**
     * Appends {@code entries} then {@code state} (an empty state is not written), as etcd's
     * {@code Save}. With {@code mustSync} one fdatasync follows and {@code done} runs when it
     * completes (an empty save syncs only if earlier saves left unsynced bytes); otherwise
     * {@code done} runs at once (inline). If the segment has reached
     * {@link WalOptions#segmentSizeBytes()}, the save ends with a cut (which syncs) and {@code done}
     * runs after it. An entry whose index is at or below an earlier one replaces that suffix on replay.
     */
    public void save(HardState state, List<Entry> entries, boolean mustSync, IoCallback done) {
        if (deferred(() -> save(state, entries, mustSync, done), done)) {
            return;
        }
        long start = ctx.clock().nowNanos();
        if (state.isEmpty() && entries.isEmpty()) {
            // nothing to write (etcd returns at once); a sync is still owed for earlier unsynced saves
            if (mustSync && tail.sizeBytes() > durableBytes) {
                sync(start, done);
            } else {
                done.onComplete(new IoResult(IoStatus.OK, start, start));
            }
            return;
        }
        FrameBatch batch = startBatch();
        for (Entry e : entries) {
            batch.add(new WalRecord.EntryRecord(e));
        }
        if (!state.isEmpty()) {
            batch.add(new WalRecord.StateRecord(state));
        }
        IoStatus status = write(tail, batch);
        if (status.isOk()) {
            lastIndex = entries.isEmpty() ? lastIndex : entries.get(entries.size() - 1).index();
            hardState = state.isEmpty() ? hardState : state;
        }
        if (!status.isOk()) {
            fail(status, () -> done.onComplete(new IoResult(status, start, ctx.clock().nowNanos())));
        } else if (tail.sizeBytes() >= ctx.options().segmentSizeBytes()) {
            cut(start, done);
        } else if (mustSync) {
            sync(start, done);
        } else {
            done.onComplete(new IoResult(IoStatus.OK, start, start));
        }
    }

    /**
     * Records that a snapshot at {@code marker} exists, then syncs (etcd's {@code SaveSnapshot});
     * call it after the snapshot file itself is durable, so recovery never finds a marker
     * without its snapshot.
     */
    public void saveSnapshot(WalSnapshotMarker marker, IoCallback done) {
        if (deferred(() -> saveSnapshot(marker, done), done)) {
            return;
        }
        long start = ctx.clock().nowNanos();
        IoStatus status = write(tail, startBatch().add(marker));
        if (!status.isOk()) {
            IoStatus failed = status;
            fail(failed, () -> done.onComplete(new IoResult(failed, start, ctx.clock().nowNanos())));
            return;
        }
        lastIndex = Math.max(lastIndex, marker.index());
        sync(start, done);
    }

    /**
     * Deletes segments no longer needed once a snapshot at {@code index} is durable, as etcd's
     * {@code ReleaseLockTo} followed by a purge: of the segments whose first index is below
     * {@code index}, all but the newest are deleted; the tail is always kept.
     *
     * @return paths of the deleted segments, oldest first
     */
    public List<String> releaseLockTo(long index) {
        int keepFrom = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (Long.compareUnsigned(segments.get(i).firstIndex(), index) < 0) {
                keepFrom = i;
            }
        }
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < keepFrom; i++) {
            String path = ctx.path(segments.get(i).fileName());
            ctx.fs().delete(path);
            deleted.add(path);
        }
        segments.subList(0, keepFrom).clear();
        return deleted;
    }

    /** Index of the last entry (or snapshot marker) written. */
    public long lastIndex() {
        return lastIndex;
    }

    /** Paths of the live segments, oldest first; the last is the one being appended to. */
    public List<String> segmentPaths() {
        List<String> out = new ArrayList<>();
        for (SegmentName n : segments) {
            out.add(ctx.path(n.fileName()));
        }
        return out;
    }

    /** The status that poisoned this WAL, or OK while it is healthy. */
    public IoStatus failure() {
        return failure == null ? IoStatus.OK : failure;
    }

    private String tailPath() {
        return ctx.path(segments.get(segments.size() - 1).fileName());
    }

    /** Completes {@code done} with the failure, or queues {@code call} behind a barrier; false to go ahead. */
    private boolean deferred(Runnable call, IoCallback done) {
        if (failure != null) {
            long now = ctx.clock().nowNanos();
            done.onComplete(new IoResult(failure, now, now));
            return true;
        }
        if (busy) {
            waiting.add(call);
            return true;
        }
        return false;
    }

    /**
     * A batch that begins with a durable mark when the synced prefix of the tail grew since the
     * last mark, telling recovery that prefix is not a torn tail.
     */
    private FrameBatch startBatch() {
        FrameBatch batch = new FrameBatch(chain, frameScratch);
        if (durableBytes > markedBytes) {
            batch.addDurableMark(durableBytes);
        }
        return batch;
    }

    /** Appends the batch with one write; on success the chain and the mark advance. */
    private IoStatus write(DataFile file, FrameBatch batch) {
        IoStatus status = file.append(batch.buffer(), 0, batch.length());
        if (batch.buffer().length <= MAX_KEPT_SCRATCH_BYTES) {
            frameScratch = batch.buffer();
        }
        if (status.isOk()) {
            chain = batch.chain();
            markedBytes = durableBytes;
        }
        return status;
    }

    private void sync(long start, IoCallback done) {
        DataFile file = tail;
        long covered = file.sizeBytes();
        file.sync(result -> {
            ctx.fsyncDurationNanos().accept(result.latencyNanos());
            if (result.isOk() && file == tail) {
                durableBytes = Math.max(durableBytes, covered);
            }
            if (result.isOk()) {
                done.onComplete(new IoResult(failure(), start, result.completedAtNanos()));
            } else {
                fail(result.status(), () -> done.onComplete(new IoResult(failure(), start, result.completedAtNanos())));
            }
        });
    }

    /** etcd's {@code cut}: sync the full tail, then start the next segment at {@code lastIndex + 1}. */
    private void cut(long start, IoCallback done) {
        busy = true;
        DataFile old = tail;
        old.sync(result -> {
            ctx.fsyncDurationNanos().accept(result.latencyNanos());
            if (!result.isOk()) {
                fail(result.status(), () -> done.onComplete(new IoResult(failure(), start, result.completedAtNanos())));
                return;
            }
            SegmentName last = segments.get(segments.size() - 1);
            startSegment(new SegmentName(last.seq() + 1, lastIndex + 1), List.of(metadata, new WalRecord.StateRecord(hardState)),
                    status -> done.onComplete(new IoResult(status, start, ctx.clock().nowNanos())));
        });
    }

    /**
     * Writes a new segment's header (crc record carrying the chain, then {@code header}) under a
     * temporary name, syncs it, renames it into place and makes it the tail; then runs waiting calls.
     */
    private void startSegment(SegmentName name, List<WalRecord> header, Consumer<IoStatus> done) {
        busy = true;
        String tmp = ctx.path(name.fileName().replace(SegmentName.SUFFIX, SegmentName.TMP_SUFFIX));
        DataFile file = ctx.fs().open(tmp);
        IoStatus status = file.sizeBytes() == 0 ? IoStatus.OK : file.truncate(0);
        FrameBatch batch = new FrameBatch(chain, frameScratch).addCrcRecord();
        for (WalRecord r : header) {
            if (!(r instanceof WalRecord.StateRecord s && s.state().isEmpty())) {
                batch.add(r);
            }
        }
        if (status.isOk()) {
            status = write(file, batch);
        }
        if (!status.isOk()) {
            IoStatus failed = status;
            fail(failed, () -> done.accept(failed));
            return;
        }
        file.sync(result -> {
            ctx.fsyncDurationNanos().accept(result.latencyNanos());
            if (!result.isOk()) {
                fail(result.status(), () -> done.accept(failure()));
                return;
            }
            String path = ctx.path(name.fileName());
            ctx.fs().rename(tmp, path);
            segments.add(name);
            tail = ctx.fs().openExisting(path).orElseThrow();
            durableBytes = tail.sizeBytes();
            markedBytes = durableBytes;
            busy = false;
            done.accept(IoStatus.OK);
            while (!busy && !waiting.isEmpty()) {
                waiting.poll().run();
            }
        });
    }

    /** Marks the WAL failed, tells the failing call, then fails every waiting call in order. */
    private void fail(IoStatus status, Runnable notifyFailingCall) {
        if (failure == null) {
            failure = status;
        }
        notifyFailingCall.run();
        busy = false;
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }
}
