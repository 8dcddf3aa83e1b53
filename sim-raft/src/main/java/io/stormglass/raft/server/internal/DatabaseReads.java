package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.Continuation;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.server.MvccOptions;

/**
 * The reads of a database file that the member's page cache cannot serve ({@link MvccOptions#pageCacheBytes()}).
 * With an unlimited cache (the default) there are none.
 *
 * <p>Which pages are cached: a member touches its in-use pages (ranges read values, commits rewrite
 * the right edge of the key bucket), never its free ones, so the cache holds as many in-use pages as it
 * can and a copy of the in-use data misses the rest ({@link #missedPages}). Linux's active and
 * inactive lists keep pages used more than once (the working set) ahead of pages read or written once
 * (mm/workingset.c), so the defragmentation's own traffic does not evict them. A missed page costs a
 * 4 KiB read of a random page of the file (bbolt maps the file {@code MADV_RANDOM}: no read-ahead), at
 * queue depth one (one goroutine faulting).
 *
 * <p>After the copy etcd closes and removes the old file (its cached pages are freed) and reopens the
 * new one with {@code MAP_POPULATE}, which faults it in from start to end ({@link #populate}). The new
 * pages were written once, so during the copy they sat on the inactive list and gave way to the old
 * file's working set: the cache kept only the last {@code cache − old in-use} bytes of them. If the new
 * file fits in the cache, the populate reads the rest into the memory the old file freed; if not, it
 * evicts each cached page before it reaches it (least recently used first) and reads the whole file.
 * It reads in the page fault's read-around windows of {@value #READ_AROUND_BYTES} bytes (the default
 * {@code read_ahead_kb}), one window at a time.
 */
final class DatabaseReads {
    static final int PAGE_BYTES = DbSpace.PAGE_BYTES;
    /** Linux's default {@code read_ahead_kb} of 128: the read-around window of a page fault. */
    static final int READ_AROUND_BYTES = 128 << 10;

    private final long cacheBytes;
    private final SimRandom random;

    /**
     * @param cacheBytes the page cache the database may use, 0 for unlimited
     * @param random     where the missed pages lie (the member's {@code defrag/n<id>} stream)
     */
    DatabaseReads(long cacheBytes, SimRandom random) {
        this.cacheBytes = cacheBytes;
        this.random = random;
    }

    /** Pages of {@code inUseBytes} of in-use data that are not in the cache. */
    long missedPages(long inUseBytes) {
        if (cacheBytes == 0 || inUseBytes <= cacheBytes) {
            return 0;
        }
        return (inUseBytes - cacheBytes + PAGE_BYTES - 1) / PAGE_BYTES;
    }

    /**
     * Reads {@code pages} random pages of {@code file}, whose pages span {@code fileBytes}, one after
     * another; {@code then} gets the first failure or OK.
     */
    void readRandomPages(TaskContext ctx, DataFile file, long fileBytes, long pages, Continuation<IoStatus> then) {
        if (pages <= 0) {
            then.resume(ctx, IoStatus.OK);
            return;
        }
        long page = random.nextLong(Math.max(1, fileBytes / PAGE_BYTES));
        read(ctx, file, page * PAGE_BYTES, PAGE_BYTES, (c, s) -> {
            if (s.isOk()) {
                readRandomPages(c, file, fileBytes, pages - 1, then);
            } else {
                then.resume(c, s);
            }
        });
    }

    /**
     * {@code MAP_POPULATE} of the new file of {@code fileBytes} written while the old one had {@code oldInUseBytes}
     * in use: reads its pages the cache lost, in read-around windows, one after another.
     */
    void populate(TaskContext ctx, DataFile file, long fileBytes, long oldInUseBytes, Continuation<IoStatus> then) {
        readSequential(ctx, file, 0, populateBytes(fileBytes, oldInUseBytes), then);
    }

    /** Bytes {@link #populate} reads: none with room for both files, the whole file when it alone does not fit. */
    long populateBytes(long fileBytes, long oldInUseBytes) {
        if (cacheBytes == 0) {
            return 0;
        }
        if (fileBytes > cacheBytes) {
            return fileBytes;
        }
        return Math.max(0, fileBytes + oldInUseBytes - cacheBytes);
    }

    private void readSequential(TaskContext ctx, DataFile file, long offset, long end, Continuation<IoStatus> then) {
        if (offset >= end) {
            then.resume(ctx, IoStatus.OK);
            return;
        }
        long length = Math.min(READ_AROUND_BYTES, end - offset);
        read(ctx, file, offset, length, (c, s) -> {
            if (s.isOk()) {
                readSequential(c, file, offset + length, end, then);
            } else {
                then.resume(c, s);
            }
        });
    }

    private static void read(TaskContext ctx, DataFile file, long offset, long length, Continuation<IoStatus> then) {
        Completion<IoStatus> done = new Completion<>();
        file.readFromDevice(offset, length, r -> done.complete(r.status()));
        ctx.await(done, then);
    }
}
