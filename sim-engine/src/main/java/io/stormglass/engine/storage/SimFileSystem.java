package io.stormglass.engine.storage;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A file system whose contents live in memory and whose timing comes from a {@link BlockDevice}.
 *
 * <p>Each file keeps a <em>current</em> image (what reads see: the page cache) and a
 * <em>durable</em> image (what survives a crash), plus the ordered list of writes and truncates
 * not yet synced. {@link DataFile#sync} sends the dirty 4 KiB pages to the device as WRITEs,
 * then a FLUSH; when the flush completes OK, everything issued before the sync call becomes
 * durable. Syncs of one file are serialized; a sync requested while another runs waits and then
 * covers everything written up to its own call (group commit).
 *
 * <p>{@link #crash(CrashMode)} models power loss: unsynced data survives according to the mode
 * (drawn from the file system's own random stream), in-flight syncs are abandoned and their
 * callbacks never run. Metadata operations (create, delete, rename) are durable at once.
 *
 * <p>Files are laid out on the device in extents of {@code extentBytes} inside this file
 * system's region {@code [regionOffsetBytes, regionOffsetBytes + regionBytes)}, so a file
 * appended sequentially is written sequentially on the device.
 */
public final class SimFileSystem implements FileSystem {
    /** Page size of the page cache; syncs write whole pages. */
    public static final int PAGE_BYTES = 4096;
    /** Sector size: the unit that a torn write keeps or loses. */
    public static final int SECTOR_BYTES = 512;

    private final Clock clock;
    private final BlockDevice device;
    private final SimRandom random;
    private final String issuer;
    private final long regionOffsetBytes;
    private final long regionBytes;
    private final long extentBytes;
    private final long capacityBytes;
    private final TreeMap<String, FileState> files = new TreeMap<>();
    private long nextExtentOffset;
    private long bytesUsed;
    private int crashEpoch;
    private long syncsCompleted;

    /**
     * @param clock             stamps sync requests (the simulation's scheduler)
     * @param device            where I/O time is spent
     * @param random            this file system's random stream (decides torn and corrupt sectors)
     * @param issuer            issuer name for the device's per-issuer metrics, such as {@code "n1/wal"}
     * @param regionOffsetBytes start of this file system's region on the device
     * @param regionBytes       size of the region
     * @param extentBytes       allocation unit for files (etcd preallocates 64 MiB WAL segments)
     * @param capacityBytes     total file bytes allowed before writes fail with ENOSPC
     */
    public SimFileSystem(Clock clock, BlockDevice device, SimRandom random, String issuer, long regionOffsetBytes,
            long regionBytes, long extentBytes, long capacityBytes) {
        if (extentBytes <= 0 || extentBytes % PAGE_BYTES != 0) {
            throw new IllegalArgumentException("extent size must be a positive multiple of 4 KiB: " + extentBytes);
        }
        this.clock = clock;
        this.device = device;
        this.random = random;
        this.issuer = issuer;
        this.regionOffsetBytes = regionOffsetBytes;
        this.regionBytes = regionBytes;
        this.extentBytes = extentBytes;
        this.capacityBytes = capacityBytes;
    }

    /** A file system with 64 MiB extents over a 1 TiB region at offset 0 and 1 TiB of capacity. */
    public SimFileSystem(Clock clock, BlockDevice device, SimRandom random, String issuer) {
        this(clock, device, random, issuer, 0, 1L << 40, 64L << 20, 1L << 40);
    }

    @Override
    public DataFile open(String path) {
        return files.computeIfAbsent(path, FileState::new).handle;
    }

    @Override
    public Optional<DataFile> openExisting(String path) {
        FileState f = files.get(path);
        return f == null ? Optional.empty() : Optional.of(f.handle);
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String p : files.tailMap(prefix, true).keySet()) {
            if (!p.startsWith(prefix)) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    @Override
    public boolean delete(String path) {
        FileState f = files.remove(path);
        if (f == null) {
            return false;
        }
        f.deleted = true;
        bytesUsed -= f.currentSize;
        return true;
    }

    @Override
    public boolean rename(String from, String to) {
        FileState f = files.remove(from);
        if (f == null) {
            return false;
        }
        delete(to);
        f.path = to;
        files.put(to, f);
        return true;
    }

    /** Power loss: unsynced data follows {@code mode}; in-flight syncs never complete. */
    public void crash(CrashMode mode) {
        crashEpoch++;
        bytesUsed = 0;
        for (FileState f : files.values()) {
            f.crash(mode);
            bytesUsed += f.currentSize;
        }
    }

    /** Bytes held by files (current images). */
    public long bytesUsed() {
        return bytesUsed;
    }

    public long syncsCompleted() {
        return syncsCompleted;
    }

    public String issuer() {
        return issuer;
    }

    private long allocateExtent() {
        long offset = nextExtentOffset;
        if (offset + extentBytes > regionBytes) {
            offset = 0; // wrap: timing only, contents are kept per file
            nextExtentOffset = 0;
        }
        nextExtentOffset = offset + extentBytes;
        return regionOffsetBytes + offset;
    }

    /** One write or truncate not yet durable. {@code data == null} marks a truncate to {@code offset}. */
    private record PendingOp(long seq, long offset, byte[] data) {
    }

    private record SyncWaiter(long upToSeq, IoCallback callback, long requestedAtNanos) {
    }

    private final class FileState {
        final Handle handle = new Handle(this);
        final List<Long> extents = new ArrayList<>();
        String path;
        boolean deleted;
        byte[] current = new byte[0];
        int currentSize;
        byte[] durable = new byte[0];
        int durableSize;
        final ArrayList<PendingOp> pending = new ArrayList<>();
        long nextSeq = 1;
        boolean syncRunning;
        final ArrayList<SyncWaiter> waiters = new ArrayList<>();

        FileState(String path) {
            this.path = path;
        }

        IoStatus write(long offsetBytes, byte[] source, int sourceOffset, int length) {
            if (offsetBytes < 0 || length < 0 || offsetBytes > currentSize) {
                throw new IllegalArgumentException("write at " + offsetBytes + " beyond end " + currentSize + " of " + path);
            }
            long end = offsetBytes + length;
            if (end > Integer.MAX_VALUE) {
                return IoStatus.ENOSPC;
            }
            long growth = Math.max(0, end - currentSize);
            if (bytesUsed + growth > capacityBytes) {
                return IoStatus.ENOSPC;
            }
            byte[] copy = new byte[length];
            System.arraycopy(source, sourceOffset, copy, 0, length);
            pending.add(new PendingOp(nextSeq++, offsetBytes, copy));
            current = applyWrite(current, currentSize, offsetBytes, copy, 0, length);
            currentSize = (int) Math.max(currentSize, end);
            bytesUsed += growth;
            return IoStatus.OK;
        }

        IoStatus truncate(long size) {
            if (size < 0 || size > currentSize) {
                throw new IllegalArgumentException("truncate " + path + " to " + size + " (size " + currentSize + ")");
            }
            pending.add(new PendingOp(nextSeq++, size, null));
            bytesUsed -= currentSize - size;
            currentSize = (int) size;
            return IoStatus.OK;
        }

        IoStatus read(long offsetBytes, byte[] target, int targetOffset, int length) {
            if (offsetBytes < 0 || length < 0 || offsetBytes + length > currentSize) {
                throw new IllegalArgumentException("read [" + offsetBytes + ", " + (offsetBytes + length)
                        + ") beyond end " + currentSize + " of " + path);
            }
            System.arraycopy(current, (int) offsetBytes, target, targetOffset, length);
            return IoStatus.OK;
        }

        void sync(IoCallback callback, long now) {
            waiters.add(new SyncWaiter(nextSeq - 1, callback, now));
            if (!syncRunning) {
                startSync();
            }
        }

        private void startSync() {
            // a callback of the sync that just finished may have requested (and started) the next one
            if (waiters.isEmpty() || deleted || syncRunning) {
                return;
            }
            syncRunning = true;
            long upTo = waiters.get(waiters.size() - 1).upToSeq();
            List<long[]> ranges = dirtyDeviceRanges(upTo);
            int epoch = crashEpoch;
            int[] remaining = {ranges.size()};
            IoStatus[] firstError = {IoStatus.OK};
            if (ranges.isEmpty()) {
                flush(upTo, epoch);
                return;
            }
            for (long[] r : ranges) {
                device.submit(IoRequest.write(issuer, r[0], r[1]), result -> {
                    if (epoch != crashEpoch) {
                        return;
                    }
                    if (!result.isOk() && firstError[0].isOk()) {
                        firstError[0] = result.status();
                    }
                    if (--remaining[0] == 0) {
                        if (firstError[0].isOk()) {
                            flush(upTo, epoch);
                        } else {
                            finishSync(upTo, firstError[0], result.completedAtNanos());
                        }
                    }
                });
            }
        }

        private void flush(long upTo, int epoch) {
            device.submit(IoRequest.flush(issuer), result -> {
                if (epoch != crashEpoch) {
                    return;
                }
                if (result.isOk()) {
                    makeDurable(upTo);
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
                syncsCompleted++;
            }
            for (SyncWaiter w : done) {
                w.callback().onComplete(new IoResult(status, w.requestedAtNanos(), completedAt));
            }
            startSync();
        }

        /** Device ranges {offset, length} of the pages touched by pending writes up to {@code upTo}. */
        private List<long[]> dirtyDeviceRanges(long upTo) {
            List<long[]> fileRanges = new ArrayList<>();
            for (PendingOp op : pending) {
                if (op.seq() > upTo) {
                    break;
                }
                if (op.data() == null || op.data().length == 0) {
                    continue;
                }
                long start = op.offset() / PAGE_BYTES * PAGE_BYTES;
                long end = (op.offset() + op.data().length + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES;
                fileRanges.add(new long[] {start, end});
            }
            fileRanges.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] r : fileRanges) {
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && r[0] <= last[1]) {
                    last[1] = Math.max(last[1], r[1]);
                } else {
                    merged.add(new long[] {r[0], r[1]});
                }
            }
            List<long[]> device = new ArrayList<>();
            for (long[] r : merged) {
                long pos = r[0];
                while (pos < r[1]) {
                    int extent = (int) (pos / extentBytes);
                    while (extents.size() <= extent) {
                        extents.add(allocateExtent());
                    }
                    long within = pos % extentBytes;
                    long len = Math.min(r[1] - pos, extentBytes - within);
                    device.add(new long[] {extents.get(extent) + within, len});
                    pos += len;
                }
            }
            return device;
        }

        private void makeDurable(long upTo) {
            int applied = 0;
            for (PendingOp op : pending) {
                if (op.seq() > upTo) {
                    break;
                }
                applyToDurable(op, op.offset(), op.data() == null ? 0 : op.data().length);
                applied++;
            }
            pending.subList(0, applied).clear();
        }

        private void applyToDurable(PendingOp op, long from, int length) {
            if (op.data() == null) {
                durableSize = (int) Math.min(durableSize, op.offset());
                return;
            }
            int skip = (int) (from - op.offset());
            if (from > durableSize) {
                // a hole before this part of the write reads as zeros
                durable = applyWrite(durable, durableSize, durableSize, new byte[(int) (from - durableSize)], 0,
                        (int) (from - durableSize));
                durableSize = (int) from;
            }
            durable = applyWrite(durable, durableSize, from, op.data(), skip, length);
            durableSize = (int) Math.max(durableSize, from + length);
        }

        void crash(CrashMode mode) {
            syncRunning = false;
            waiters.clear();
            for (PendingOp op : pending) {
                switch (mode) {
                    case DROP_UNSYNCED -> { }
                    case KEEP_UNSYNCED -> applyToDurable(op, op.offset(), op.data() == null ? 0 : op.data().length);
                    case TORN_UNSYNCED, CORRUPT_UNSYNCED -> applyTorn(op, mode == CrashMode.CORRUPT_UNSYNCED);
                }
            }
            pending.clear();
            current = java.util.Arrays.copyOf(durable, Math.max(durable.length, 16));
            currentSize = durableSize;
        }

        private void applyTorn(PendingOp op, boolean corrupt) {
            if (op.data() == null) {
                if (random.nextBoolean()) {
                    applyToDurable(op, op.offset(), 0);
                }
                return;
            }
            long end = op.offset() + op.data().length;
            long pos = op.offset();
            while (pos < end) {
                long sectorEnd = Math.min(end, (pos / SECTOR_BYTES + 1) * SECTOR_BYTES);
                int len = (int) (sectorEnd - pos);
                if (random.nextBoolean()) {
                    if (corrupt && random.nextBoolean()) {
                        byte[] garbage = new byte[op.data().length];
                        random.nextBytes(garbage);
                        applyToDurable(new PendingOp(op.seq(), op.offset(), garbage), pos, len);
                    } else {
                        applyToDurable(op, pos, len);
                    }
                }
                pos = sectorEnd;
            }
        }
    }

    private static byte[] applyWrite(byte[] image, int size, long offset, byte[] data, int dataOffset, int length) {
        long end = offset + length;
        byte[] target = image;
        if (end > image.length) {
            target = java.util.Arrays.copyOf(image, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * image.length)));
        }
        System.arraycopy(data, dataOffset, target, (int) offset, length);
        return target;
    }

    private final class Handle implements DataFile {
        private final FileState state;

        Handle(FileState state) {
            this.state = state;
        }

        @Override
        public String path() {
            return state.path;
        }

        @Override
        public long sizeBytes() {
            return state.currentSize;
        }

        @Override
        public IoStatus write(long offsetBytes, byte[] source, int sourceOffset, int length) {
            return state.write(offsetBytes, source, sourceOffset, length);
        }

        @Override
        public IoStatus read(long offsetBytes, byte[] target, int targetOffset, int length) {
            return state.read(offsetBytes, target, targetOffset, length);
        }

        @Override
        public IoStatus truncate(long sizeBytes) {
            return state.truncate(sizeBytes);
        }

        @Override
        public void sync(IoCallback callback) {
            state.sync(callback, currentTime());
        }
    }

    private long currentTime() {
        return clock.nowNanos();
    }
}
