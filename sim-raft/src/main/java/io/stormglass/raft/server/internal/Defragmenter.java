package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.Continuation;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.server.MvccOptions;
import java.util.function.LongConsumer;

/**
 * etcd's online defragmentation of one member ({@code backend.defrag}, server/storage/backend/backend.go):
 * with the batch and read locks held (applies and ranges wait, as in etcd 3.5), the in-use records
 * are copied into a new file ({@code db.tmp.*}), committing every {@value MvccOptions#DEFRAG_LIMIT}
 * records ({@code defragLimit}); each commit writes the new leaf pages and fdatasyncs the new file
 * (bbolt's {@code tx.Commit}), so the copy runs at the data disk's speed and a slow or shared disk
 * makes it slow. The old file is read through the page cache (bbolt mmaps it; etcd's operators size
 * memory above the database), so reads cost no device time here. Afterwards the file holds only the
 * in-use pages ({@link DbSpace#defragmented()}).
 *
 * <p>Memory: the new file is written in a region of {@value #REGION_BYTES} bytes that the commits
 * reuse (a commit larger than the region is written and synced in region-sized pieces); the device
 * sees every byte, the simulator holds only the region. Request size: the guest's block layer splits
 * writeback into requests of at most {@code max_sectors_kb}, {@value #MAX_IO_BYTES} bytes on virtio-blk
 * (the size {@code PrometheusNeighbour}'s writeback uses); the simulated file system sends a
 * contiguous dirty range as one request, so the commit's pages are laid out in runs of that size
 * separated by one clean page, which gives one device request per run.
 */
final class Defragmenter {
    static final int REGION_BYTES = 16 << 20;
    /** virtio-blk's usual {@code max_sectors_kb}: 512 KiB per request. */
    static final int MAX_IO_BYTES = 512 << 10;
    /** A run plus the clean page that keeps it from merging with the next. */
    private static final int RUN_STRIDE = MAX_IO_BYTES + DbSpace.PAGE_BYTES;
    /** Bytes of new pages one region holds. */
    private static final long REGION_PAYLOAD = (long) (REGION_BYTES / RUN_STRIDE) * MAX_IO_BYTES;
    private static final String TEMP_PATH = "member/snap/db.tmp.defrag";

    private final FileSystem fs;
    private final Backend backend;
    private final DbSpace space;
    private final MemberLog log;
    private final LongConsumer durationNanos;
    private final MemberLife life;
    private boolean running;
    private Runnable whenDone = () -> { };

    Defragmenter(FileSystem fs, Backend backend, DbSpace space, MemberLog log, LongConsumer durationNanos, MemberLife life) {
        this.fs = fs;
        this.backend = backend;
        this.space = space;
        this.log = log;
        this.durationNanos = durationNanos;
        this.life = life;
    }

    /** Whether a defragmentation holds the backend now ({@code etcd_disk_defrag_inflight}). */
    boolean running() {
        return running;
    }

    /**
     * Starts a defragmentation of {@code kv}'s database; does nothing while one runs. {@code whenDone}
     * runs when it finished (never, if the member crashes first).
     *
     * @return false when one was already running
     */
    boolean start(KvStore kv, Runnable whenDone) {
        if (running) {
            return false;
        }
        running = true;
        this.whenDone = whenDone;
        space.observe(kv);
        long records = Math.max(1, space.records(kv));
        long pageBytes = space.inUseBytes();
        backend.runExclusive((ctx, lock) -> {
            log.info("defragmenting", "path", "member/snap/db", "current-db-size-bytes", Long.toString(space.totalBytes()),
                    "current-db-size-in-use-bytes", Long.toString(space.inUseBytes()));
            DataFile temp = fs.open(TEMP_PATH);
            long start = ctx.nowNanos();
            // bbolt grows its file ahead of the pages it writes (db.grow): the region is allocated once, then reused
            writeSynced(ctx, temp, 0, (c, s) -> copy(c, lock, temp, new long[] {records, pageBytes}, start));
        });
        return true;
    }

    /** Copies the next {@code defragLimit} records of {@code left = {records, page bytes}}, then recurses after their sync. */
    private void copy(TaskContext ctx, Completion<IoStatus> lock, DataFile temp, long[] left, long startNanos) {
        if (left[0] <= 0 || !life.alive()) {
            finish(ctx, lock, temp, startNanos);
            return;
        }
        long n = Math.min(left[0], MvccOptions.DEFRAG_LIMIT);
        long bytes = left[1] * n / left[0];
        left[0] -= n;
        left[1] -= bytes;
        long pageBytes = (bytes + DbSpace.PAGE_BYTES - 1) / DbSpace.PAGE_BYTES * DbSpace.PAGE_BYTES;
        writeSynced(ctx, temp, Math.max(DbSpace.PAGE_BYTES, pageBytes), (c, status) -> {
            if (!status.isOk()) {
                life.fatal("failed to defragment", status);
                return;
            }
            copy(c, lock, temp, left, startNanos);
        });
    }

    /** Writes {@code bytes} into the region (in region-sized pieces, each synced) and reports the last sync. */
    private void writeSynced(TaskContext ctx, DataFile temp, long bytes, Continuation<IoStatus> then) {
        long piece = Math.min(bytes, REGION_PAYLOAD);
        IoStatus status = temp.sizeBytes() < REGION_BYTES ? temp.write(0, zeros(), 0, REGION_BYTES) : IoStatus.OK;
        for (long done = 0, offset = 0; done < piece && status.isOk(); done += MAX_IO_BYTES, offset += RUN_STRIDE) {
            status = temp.write(offset, zeros(), 0, (int) Math.min(MAX_IO_BYTES, piece - done));
        }
        Completion<IoStatus> synced = new Completion<>();
        if (status.isOk()) {
            temp.sync(r -> synced.complete(r.status()));
        } else {
            synced.complete(status);
        }
        ctx.await(synced, (c, s) -> {
            if (s.isOk() && bytes > piece) {
                writeSynced(c, temp, bytes - piece, then);
            } else {
                then.resume(c, s);
            }
        });
    }

    private static byte[] zeros() {
        return Zeros.BYTES;
    }

    /** The region's contents, allocated on first use; written from, never written to. */
    private static final class Zeros {
        static final byte[] BYTES = new byte[REGION_BYTES];
    }

    private void finish(TaskContext ctx, Completion<IoStatus> lock, DataFile temp, long startNanos) {
        fs.delete(temp.path());
        long took = ctx.nowNanos() - startNanos;
        space.defragmented();
        durationNanos.accept(took);
        log.info("finished defragmenting directory", "path", "member/snap/db", "current-db-size-bytes",
                Long.toString(space.totalBytes()), "took", GoDuration.format(took));
        running = false;
        lock.complete(IoStatus.OK);
        whenDone.run();
    }
}
