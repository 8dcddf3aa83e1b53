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
 * makes it slow. The old file's pages come from the page cache as far as it holds them; before each
 * commit the copy reads its share of the pages it does not hold from the data disk, and after the copy
 * the new file is mapped with {@code MAP_POPULATE} ({@link DatabaseReads}: nothing to read with the
 * default unlimited cache). Afterwards the file holds only the in-use pages ({@link DbSpace#defragmented()}).
 *
 * <p>The new file is written through a {@link RegionWriter} (bounded memory, virtio-blk-sized requests).
 */
final class Defragmenter {
    private static final String TEMP_PATH = "member/snap/db.tmp.defrag";
    private static final String DB_PATH = "member/snap/db";

    private final FileSystem fs;
    private final Backend backend;
    private final DbSpace space;
    private final MemberLog log;
    private final LongConsumer durationNanos;
    private final MemberLife life;
    private final DatabaseReads reads;
    private boolean running;
    private Runnable whenDone = () -> { };

    Defragmenter(FileSystem fs, Backend backend, DbSpace space, MemberLog log, LongConsumer durationNanos, MemberLife life,
            DatabaseReads reads) {
        this.fs = fs;
        this.reads = reads;
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
        long missedPages = reads.missedPages(pageBytes);
        long oldFileBytes = space.totalBytes();
        backend.runExclusive((ctx, lock) -> {
            log.info("defragmenting", "path", "member/snap/db", "current-db-size-bytes", Long.toString(space.totalBytes()),
                    "current-db-size-in-use-bytes", Long.toString(space.inUseBytes()));
            DataFile temp = fs.open(TEMP_PATH);
            long start = ctx.nowNanos();
            // bbolt grows its file ahead of the pages it writes (db.grow): the region is allocated once, then reused
            Copy copy = new Copy(lock, temp, fs.open(DB_PATH), oldFileBytes, pageBytes, start, new long[] {records, pageBytes, missedPages});
            RegionWriter.grow(ctx, temp, RegionWriter.REGION_BYTES, (c, s) -> copy(c, copy));
        });
        return true;
    }

    /**
     * One defragmentation under way: the lock it holds, the new and old files, and what is left to copy,
     * {@code left = {records, in-use bytes, pages to read from the disk}}.
     */
    private record Copy(Completion<IoStatus> lock, DataFile temp, DataFile old, long oldFileBytes, long oldInUseBytes, long startNanos,
            long[] left) {
    }

    /**
     * Copies the next {@code defragLimit} records: reads their share of the pages the cache lacks, writes
     * and syncs their new pages, then recurses.
     */
    private void copy(TaskContext ctx, Copy copy) {
        long[] left = copy.left();
        if (left[0] <= 0 || !life.alive()) {
            finish(ctx, copy);
            return;
        }
        long n = Math.min(left[0], MvccOptions.DEFRAG_LIMIT);
        long bytes = left[1] * n / left[0];
        long missed = left[2] * n / left[0];
        left[0] -= n;
        left[1] -= bytes;
        left[2] -= missed;
        long pageBytes = (bytes + DbSpace.PAGE_BYTES - 1) / DbSpace.PAGE_BYTES * DbSpace.PAGE_BYTES;
        reads.readRandomPages(ctx, copy.old(), copy.oldFileBytes(), missed, (c, read) -> {
            if (!read.isOk()) {
                life.fatal("failed to defragment", read);
                return;
            }
            RegionWriter.write(c, copy.temp(), Math.max(DbSpace.PAGE_BYTES, pageBytes), (c2, status) -> {
                if (!status.isOk()) {
                    life.fatal("failed to defragment", status);
                    return;
                }
                copy(c2, copy);
            });
        });
    }

    /** The new file replaces the old one and is mapped again (its populate may read it); then the locks are released. */
    private void finish(TaskContext ctx, Copy copy) {
        fs.delete(copy.temp().path());
        space.defragmented();
        reads.populate(ctx, copy.old(), space.totalBytes(), copy.oldInUseBytes(), (c, status) -> {
            if (!status.isOk()) {
                life.fatal("failed to open database", status);
                return;
            }
            release(c, copy);
        });
    }

    private void release(TaskContext ctx, Copy copy) {
        long took = ctx.nowNanos() - copy.startNanos();
        durationNanos.accept(took);
        log.info("finished defragmenting directory", "path", "member/snap/db", "current-db-size-bytes",
                Long.toString(space.totalBytes()), "took", GoDuration.format(took));
        running = false;
        copy.lock().complete(IoStatus.OK);
        whenDone.run();
    }
}
