package io.stormglass.engine.storage;

import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of a {@link SimFileSystem}, the {@link DataFile} its users hold: contents in a
 * {@link FileImage}, placement on the device in extents of the {@link Volume}, allocated when a
 * sync first needs them, and the sync pipeline.
 *
 * <p>A sync sends the dirty 4 KiB pages of everything written up to its call to the device as
 * WRITEs (one per contiguous device range, in file order), then, when all completed OK, a FLUSH;
 * when the flush completes OK, those operations become durable. Syncs of one file are serialized:
 * one requested while another runs waits, and the next sync covers everything written up to the
 * latest waiting call (group commit); every waiter it covers is answered, in the order of the calls.
 * Callbacks of a sync that a crash abandoned never run.
 */
final class SimFile implements DataFile {
    private record SyncWaiter(long upToSeq, IoCallback callback, long requestedAtNanos) {
    }

    private final Volume volume;
    private final FileImage image;
    /** Device offset of each extent of the file, by extent number. */
    private final List<Long> extents = new ArrayList<>();
    private final ArrayList<SyncWaiter> waiters = new ArrayList<>();
    private String path;
    private boolean deleted;
    private boolean syncRunning;

    SimFile(String path, Volume volume, PageCodec codec) {
        this.path = path;
        this.volume = volume;
        this.image = new FileImage(codec);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long sizeBytes() {
        return image.size();
    }

    @Override
    public IoStatus write(long offsetBytes, byte[] source, int sourceOffset, int length) {
        int size = image.size();
        if (offsetBytes < 0 || length < 0 || offsetBytes > size) {
            throw new IllegalArgumentException("write at " + offsetBytes + " beyond end " + size + " of " + path);
        }
        long end = offsetBytes + length;
        if (end > Integer.MAX_VALUE) {
            return IoStatus.ENOSPC;
        }
        long growth = Math.max(0, end - size);
        if (!volume.fits(growth)) {
            return IoStatus.ENOSPC;
        }
        image.write(offsetBytes, source, sourceOffset, length);
        volume.resized(growth);
        return IoStatus.OK;
    }

    @Override
    public IoStatus read(long offsetBytes, byte[] target, int targetOffset, int length) {
        int size = image.size();
        if (offsetBytes < 0 || length < 0 || offsetBytes + length > size) {
            throw new IllegalArgumentException("read [" + offsetBytes + ", " + (offsetBytes + length)
                    + ") beyond end " + size + " of " + path);
        }
        image.read(offsetBytes, target, targetOffset, length);
        return IoStatus.OK;
    }

    @Override
    public void readFromDevice(long offsetBytes, long lengthBytes, IoCallback callback) {
        if (offsetBytes < 0 || lengthBytes <= 0) {
            throw new IllegalArgumentException("read [" + offsetBytes + ", +" + lengthBytes + ") of " + path);
        }
        long start = volume.clock().nowNanos();
        List<long[]> ranges = deviceRanges(List.of(new long[] {offsetBytes, offsetBytes + lengthBytes}));
        submitAll(ranges, IoOp.READ, volume.crashEpoch(),
                (status, completedAt) -> callback.onComplete(new IoResult(status, start, completedAt)));
    }

    /** What a batch of device requests reports once every one completed: the first failure or OK, and when. */
    private interface BatchDone {
        void completed(IoStatus firstError, long completedAtNanos);
    }

    /**
     * Submits one {@code op} per device range, all at once; {@code done} runs when the last completes, unless a
     * crash came in between (the volume's crash epoch moved on from {@code epoch}).
     */
    private void submitAll(List<long[]> ranges, IoOp op, int epoch, BatchDone done) {
        DeviceBatch batch = new DeviceBatch(ranges.size(), epoch, done);
        for (long[] r : ranges) {
            volume.device().submit(new IoRequest(volume.issuer(), op, r[0], r[1]), batch);
        }
    }

    /** The requests of one {@link #submitAll}: one callback object for all of them. */
    private final class DeviceBatch implements IoCallback {
        private final int epoch;
        private final BatchDone done;
        private int remaining;
        private IoStatus firstError = IoStatus.OK;

        DeviceBatch(int requests, int epoch, BatchDone done) {
            this.remaining = requests;
            this.epoch = epoch;
            this.done = done;
        }

        @Override
        public void onComplete(IoResult result) {
            onComplete(result.status(), result.submittedAtNanos(), result.completedAtNanos());
        }

        @Override
        public void onComplete(IoStatus status, long submittedAtNanos, long completedAtNanos) {
            if (epoch != volume.crashEpoch()) {
                return;
            }
            if (!status.isOk() && firstError.isOk()) {
                firstError = status;
            }
            if (--remaining == 0) {
                done.completed(firstError, completedAtNanos);
            }
        }
    }

    @Override
    public IoStatus truncate(long sizeBytes) {
        int size = image.size();
        if (sizeBytes < 0 || sizeBytes > size) {
            throw new IllegalArgumentException("truncate " + path + " to " + sizeBytes + " (size " + size + ")");
        }
        volume.resized(-(size - sizeBytes));
        image.truncate(sizeBytes);
        return IoStatus.OK;
    }

    @Override
    public void sync(IoCallback callback) {
        waiters.add(new SyncWaiter(image.lastSeq(), callback, volume.clock().nowNanos()));
        if (!syncRunning) {
            startSync();
        }
    }

    /** The file was deleted (or replaced by a rename): syncs not yet started never start. */
    void markDeleted() {
        deleted = true;
    }

    void renamedTo(String newPath) {
        path = newPath;
    }

    /** Power loss: waiting syncs are forgotten, and the contents become what {@code mode} leaves. */
    void crash(CrashMode mode, SimRandom random) {
        syncRunning = false;
        waiters.clear();
        image.crash(mode, random);
    }

    private void startSync() {
        // a callback of the sync that just finished may have requested (and started) the next one
        if (waiters.isEmpty() || deleted || syncRunning) {
            return;
        }
        syncRunning = true;
        long upTo = waiters.get(waiters.size() - 1).upToSeq();
        List<long[]> ranges = deviceRanges(image.dirtyPageRanges(upTo));
        int epoch = volume.crashEpoch();
        if (ranges.isEmpty()) {
            flush(upTo, epoch);
            return;
        }
        submitAll(ranges, IoOp.WRITE, epoch, (firstError, completedAt) -> {
            if (firstError.isOk()) {
                flush(upTo, epoch);
            } else {
                finishSync(upTo, firstError, completedAt);
            }
        });
    }

    private void flush(long upTo, int epoch) {
        volume.device().submit(IoRequest.flush(volume.issuer()), result -> {
            if (epoch != volume.crashEpoch()) {
                return;
            }
            if (result.isOk()) {
                image.makeDurable(upTo);
            }
            finishSync(upTo, result.status(), result.completedAtNanos());
        });
    }

    private void finishSync(long upTo, IoStatus status, long completedAt) {
        syncRunning = false;
        List<SyncWaiter> done = new ArrayList<>();
        waiters.removeIf(w -> {
            if (w.upToSeq() <= upTo) {
                done.add(w);
                return true;
            }
            return false;
        });
        if (status.isOk()) {
            volume.syncCompleted();
        }
        for (SyncWaiter w : done) {
            w.callback().onComplete(new IoResult(status, w.requestedAtNanos(), completedAt));
        }
        startSync();
    }

    /**
     * Device ranges {@code {offset, length}} of file ranges {@code {start, end}}, split at extent
     * boundaries; extents not yet placed are allocated now, in the order they are first needed.
     */
    private List<long[]> deviceRanges(List<long[]> fileRanges) {
        long extentBytes = volume.extentBytes();
        List<long[]> device = new ArrayList<>();
        for (long[] r : fileRanges) {
            long pos = r[0];
            while (pos < r[1]) {
                int extent = (int) (pos / extentBytes);
                while (extents.size() <= extent) {
                    extents.add(volume.allocateExtent());
                }
                long within = pos % extentBytes;
                long len = Math.min(r[1] - pos, extentBytes - within);
                device.add(new long[] {extents.get(extent) + within, len});
                pos += len;
            }
        }
        return device;
    }
}
