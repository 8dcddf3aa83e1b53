package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.Continuation;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoStatus;

/**
 * Writes a file of database size through the disk without holding its bytes: a defragmentation's
 * new file, a received snapshot's database. The file is a region of at most {@value #REGION_BYTES}
 * bytes that the writes reuse, synced each time it is full; the device sees every byte, the simulator
 * holds only the region.
 *
 * <p>Request size: the guest's block layer splits writeback into requests of at most
 * {@code max_sectors_kb}, {@value #MAX_IO_BYTES} bytes on virtio-blk (the size
 * {@code PrometheusNeighbour}'s writeback uses); the simulated file system sends a contiguous dirty
 * range as one request, so the pages are laid out in runs of that size separated by one clean page,
 * which gives one device request per run.
 */
final class RegionWriter {
    static final int REGION_BYTES = 16 << 20;
    /** virtio-blk's usual {@code max_sectors_kb}: 512 KiB per request. */
    static final int MAX_IO_BYTES = 512 << 10;
    /** A run plus the clean page that keeps it from merging with the next. */
    private static final int RUN_STRIDE = MAX_IO_BYTES + DbSpace.PAGE_BYTES;
    /** Bytes of file contents one pass over the region carries. */
    static final long REGION_PAYLOAD = (long) (REGION_BYTES / RUN_STRIDE) * MAX_IO_BYTES;

    private RegionWriter() {
    }

    /**
     * Grows {@code file} to {@code regionBytes} (at most {@value #REGION_BYTES}) and syncs it, as bbolt's
     * {@code db.grow} preallocates; {@code then} gets the sync's status. Nothing is written when the file
     * is that large already.
     */
    static void grow(TaskContext ctx, DataFile file, long regionBytes, Continuation<IoStatus> then) {
        int region = (int) Math.min(REGION_BYTES, Math.max(DbSpace.PAGE_BYTES, regionBytes));
        IoStatus status = file.sizeBytes() < region ? file.write(0, Zeros.BYTES, 0, region) : IoStatus.OK;
        sync(ctx, file, status, then);
    }

    /**
     * Writes {@code bytes} of contents into the full-sized region of {@code file} (grown first), one
     * pass of at most {@link #REGION_PAYLOAD} bytes at a time, each pass synced; {@code then} gets the last
     * sync's status, or the first failure.
     */
    static void write(TaskContext ctx, DataFile file, long bytes, Continuation<IoStatus> then) {
        long piece = Math.min(bytes, REGION_PAYLOAD);
        IoStatus status = IoStatus.OK;
        for (long done = 0, offset = 0; done < piece && status.isOk(); done += MAX_IO_BYTES, offset += RUN_STRIDE) {
            status = file.write(offset, Zeros.BYTES, 0, (int) Math.min(MAX_IO_BYTES, piece - done));
        }
        sync(ctx, file, status, (c, s) -> {
            if (s.isOk() && bytes > piece) {
                write(c, file, bytes - piece, then);
            } else {
                then.resume(c, s);
            }
        });
    }

    private static void sync(TaskContext ctx, DataFile file, IoStatus written, Continuation<IoStatus> then) {
        Completion<IoStatus> synced = new Completion<>();
        if (written.isOk()) {
            file.sync(r -> synced.complete(r.status()));
        } else {
            synced.complete(written);
        }
        ctx.await(synced, then);
    }

    /** The region's contents, allocated on first use; written from, never written to. */
    private static final class Zeros {
        static final byte[] BYTES = new byte[REGION_BYTES];
    }
}
