package io.stormglass.engine.storage;

import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contents of one file and what of them is durable: a <em>current</em> image (what reads see:
 * the page cache), a <em>durable</em> image (what survives a crash), and the ordered writes and
 * truncates between the two, each numbered by a sequence that grows with every call. Knows nothing
 * of devices or time: {@link SimFile} decides when a sync has made a prefix of the pending
 * operations durable ({@link #makeDurable}), and {@link #crash} decides what a power loss leaves.
 *
 * <p>Both images are {@link PagedImage}s. A page that is wholly written, durable, and touched by no
 * pending operation reads the same in both, so it is packed once and shared: a file costs about
 * its compressed size in memory, plus the pages being written (issue 23: a 7-day run in 512 MB).
 */
final class FileImage {
    private static final int PAGE_BYTES = SimFileSystem.PAGE_BYTES;
    private static final int SECTOR_BYTES = SimFileSystem.SECTOR_BYTES;

    /**
     * One write or truncate not yet durable: {@code length} bytes of {@code data} (a copy of the
     * caller's, or the file system's shared zeros, which may be longer). {@code data == null} marks a
     * truncate to {@code offset}.
     */
    private record PendingOp(long seq, long offset, byte[] data, int length) {
    }

    private final PageCodec codec;

    private final PagedImage current;
    private final PagedImage durable;
    private final ArrayList<PendingOp> pending = new ArrayList<>();
    /** Per page, the pending writes that touch it; a page is shared only once this is zero. */
    private int[] pendingWrites = new int[0];
    private int pendingTruncates;
    private long nextSeq = 1;

    FileImage(PageCodec codec) {
        this.codec = codec;
        current = new PagedImage(codec);
        durable = new PagedImage(codec);
    }

    /** Size of the current image in bytes, unsynced operations included. */
    int size() {
        return current.size();
    }

    /** Bytes the two images hold in memory, shared pages once each (an upper bound: shared pages count twice). */
    long heldBytes() {
        return current.heldBytes() + durable.heldBytes();
    }

    /** Sequence number of the last write or truncate issued (0 before the first). */
    long lastSeq() {
        return nextSeq - 1;
    }

    /** Writes {@code length} bytes of {@code source} at {@code offset}, which must not lie beyond {@link #size()}. */
    void write(long offset, byte[] source, int sourceOffset, int length) {
        byte[] data;
        if (codec.isZero(source, sourceOffset, length)) {
            data = codec.zeros(length);
        } else {
            data = new byte[length];
            System.arraycopy(source, sourceOffset, data, 0, length);
        }
        pending.add(new PendingOp(nextSeq++, offset, data, length));
        countPending(offset, length, 1);
        current.write(offset, data, 0, length);
    }

    /** Cuts the current image to {@code size}, at most {@link #size()}. */
    void truncate(long size) {
        pending.add(new PendingOp(nextSeq++, size, null, 0));
        pendingTruncates++;
        current.setSize((int) size);
    }

    /** Copies {@code length} bytes of the current image at {@code offset}, a range within {@link #size()}. */
    void read(long offset, byte[] target, int targetOffset, int length) {
        current.read(offset, target, targetOffset, length);
    }

    /**
     * The 4 KiB pages touched by the pending writes up to sequence {@code upTo}, as file ranges
     * {@code {start, end}} in increasing order, overlapping and adjacent ranges merged.
     */
    List<long[]> dirtyPageRanges(long upTo) {
        List<long[]> merged = new ArrayList<>();
        long[] last = null;
        boolean sorted = true;
        for (PendingOp op : pending) {
            if (op.seq() > upTo) {
                break;
            }
            if (op.data() == null || op.length() == 0) {
                continue;
            }
            long start = firstPageStart(op);
            long end = lastPageEnd(op);
            if (last != null && start < last[0]) {
                sorted = false;
                break;
            }
            // appends (the WAL's writes) come in file order: merge as they come, one array per range
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                last = new long[] {start, end};
                merged.add(last);
            }
        }
        return sorted ? merged : sortedPageRanges(upTo);
    }

    /** {@link #dirtyPageRanges} for writes in any order: every range, sorted, then merged. */
    private List<long[]> sortedPageRanges(long upTo) {
        List<long[]> fileRanges = new ArrayList<>();
        for (PendingOp op : pending) {
            if (op.seq() > upTo) {
                break;
            }
            if (op.data() == null || op.length() == 0) {
                continue;
            }
            fileRanges.add(new long[] {firstPageStart(op), lastPageEnd(op)});
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
        return merged;
    }

    private static long firstPageStart(PendingOp op) {
        return op.offset() / PAGE_BYTES * PAGE_BYTES;
    }

    private static long lastPageEnd(PendingOp op) {
        return (op.offset() + op.length() + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES;
    }

    /** A sync covering every operation up to sequence {@code upTo} completed: they enter the durable image. */
    void makeDurable(long upTo) {
        int applied = 0;
        for (PendingOp op : pending) {
            if (op.seq() > upTo) {
                break;
            }
            applyToDurable(op, op.offset(), op.length());
            applied++;
        }
        List<PendingOp> done = pending.subList(0, applied);
        for (PendingOp op : done) {
            if (op.data() == null) {
                pendingTruncates--;
            } else {
                countPending(op.offset(), op.length(), -1);
            }
        }
        for (PendingOp op : done) {
            if (op.data() != null) {
                shareSettledPages(op.offset(), op.length());
            }
        }
        done.clear();
    }

    /**
     * Power loss: each pending operation survives as {@code mode} says (torn and corrupt sectors drawn
     * from {@code random}, in operation order), then the current image becomes the durable one.
     */
    void crash(CrashMode mode, SimRandom random) {
        for (PendingOp op : pending) {
            switch (mode) {
                case DROP_UNSYNCED -> { }
                case KEEP_UNSYNCED -> applyToDurable(op, op.offset(), op.length());
                case TORN_UNSYNCED, CORRUPT_UNSYNCED -> applyTorn(op, mode == CrashMode.CORRUPT_UNSYNCED, random);
            }
        }
        pending.clear();
        Arrays.fill(pendingWrites, 0);
        pendingTruncates = 0;
        current.copyFrom(durable);
    }

    private void applyToDurable(PendingOp op, long from, int length) {
        if (op.data() == null) {
            durable.setSize((int) Math.min(durable.size(), op.offset()));
            return;
        }
        int skip = (int) (from - op.offset());
        int durableSize = durable.size();
        if (from > durableSize) {
            // a hole before this part of the write reads as zeros
            int hole = (int) (from - durableSize);
            durable.write(durableSize, codec.zeros(hole), 0, hole);
        }
        durable.write(from, op.data(), skip, length);
    }

    /** Adds {@code delta} to the pending-write count of every page {@code [offset, offset + length)} touches. */
    private void countPending(long offset, int length, int delta) {
        if (length == 0) {
            return;
        }
        int first = (int) (offset / PAGE_BYTES);
        int last = (int) ((offset + length - 1) / PAGE_BYTES);
        if (last >= pendingWrites.length) {
            pendingWrites = Arrays.copyOf(pendingWrites, Math.max(last + 1, pendingWrites.length * 2));
        }
        for (int p = first; p <= last; p++) {
            pendingWrites[p] += delta;
        }
    }

    /**
     * Packs and shares the pages of a write that just became durable, where no pending operation
     * touches them any more and both images hold them whole: then they read the same in both.
     */
    private void shareSettledPages(long offset, int length) {
        if (length == 0 || pendingTruncates > 0) {
            return;
        }
        int first = (int) (offset / PAGE_BYTES);
        int last = (int) ((offset + length - 1) / PAGE_BYTES);
        for (int p = first; p <= last; p++) {
            if (pendingWrites[p] == 0 && current.isFull(p) && durable.isFull(p)) {
                durable.packShared(p, current);
            }
        }
    }

    /** Each sector of {@code op} independently survives or not; with {@code corrupt}, a survivor may hold garbage. */
    private void applyTorn(PendingOp op, boolean corrupt, SimRandom random) {
        if (op.data() == null) {
            if (random.nextBoolean()) {
                applyToDurable(op, op.offset(), 0);
            }
            return;
        }
        long end = op.offset() + op.length();
        long pos = op.offset();
        while (pos < end) {
            long sectorEnd = Math.min(end, (pos / SECTOR_BYTES + 1) * SECTOR_BYTES);
            int len = (int) (sectorEnd - pos);
            if (random.nextBoolean()) {
                if (corrupt && random.nextBoolean()) {
                    byte[] garbage = new byte[op.length()];
                    random.nextBytes(garbage);
                    applyToDurable(new PendingOp(op.seq(), op.offset(), garbage, op.length()), pos, len);
                } else {
                    applyToDurable(op, pos, len);
                }
            }
            pos = sectorEnd;
        }
    }
}
