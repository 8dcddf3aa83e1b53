package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
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
 * <p>The new file is written through a {@link RegionWriter} (bounded memory, virtio-blk-sized requests).
 */
final class Defragmenter {
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
            RegionWriter.grow(ctx, temp, RegionWriter.REGION_BYTES, (c, s) -> copy(c, lock, temp, new long[] {records, pageBytes}, start));
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
        RegionWriter.write(ctx, temp, Math.max(DbSpace.PAGE_BYTES, pageBytes), (c, status) -> {
            if (!status.isOk()) {
                life.fatal("failed to defragment", status);
                return;
            }
            copy(c, lock, temp, left, startNanos);
        });
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
