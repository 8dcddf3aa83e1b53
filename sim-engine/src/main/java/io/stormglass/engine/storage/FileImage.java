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
 */
final class FileImage {
    private static final int PAGE_BYTES = SimFileSystem.PAGE_BYTES;
    private static final int SECTOR_BYTES = SimFileSystem.SECTOR_BYTES;

    /** One write or truncate not yet durable. {@code data == null} marks a truncate to {@code offset}. */
    private record PendingOp(long seq, long offset, byte[] data) {
    }

    private byte[] current = new byte[0];
    private int currentSize;
    private byte[] durable = new byte[0];
    private int durableSize;
    private final ArrayList<PendingOp> pending = new ArrayList<>();
    private long nextSeq = 1;

    /** Size of the current image in bytes, unsynced operations included. */
    int size() {
        return currentSize;
    }

    /** Sequence number of the last write or truncate issued (0 before the first). */
    long lastSeq() {
        return nextSeq - 1;
    }

    /** Writes {@code length} bytes of {@code source} at {@code offset}, which must not lie beyond {@link #size()}. */
    void write(long offset, byte[] source, int sourceOffset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(source, sourceOffset, copy, 0, length);
        pending.add(new PendingOp(nextSeq++, offset, copy));
        current = applyWrite(current, offset, copy, 0, length);
        currentSize = (int) Math.max(currentSize, offset + length);
    }

    /** Cuts the current image to {@code size}, at most {@link #size()}. */
    void truncate(long size) {
        pending.add(new PendingOp(nextSeq++, size, null));
        currentSize = (int) size;
    }

    /** Copies {@code length} bytes of the current image at {@code offset}, a range within {@link #size()}. */
    void read(long offset, byte[] target, int targetOffset, int length) {
        System.arraycopy(current, (int) offset, target, targetOffset, length);
    }

    /**
     * The 4 KiB pages touched by the pending writes up to sequence {@code upTo}, as file ranges
     * {@code {start, end}} in increasing order, overlapping and adjacent ranges merged.
     */
    List<long[]> dirtyPageRanges(long upTo) {
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
        return merged;
    }

    /** A sync covering every operation up to sequence {@code upTo} completed: they enter the durable image. */
    void makeDurable(long upTo) {
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

    /**
     * Power loss: each pending operation survives as {@code mode} says (torn and corrupt sectors drawn
     * from {@code random}, in operation order), then the current image becomes the durable one.
     */
    void crash(CrashMode mode, SimRandom random) {
        for (PendingOp op : pending) {
            switch (mode) {
                case DROP_UNSYNCED -> { }
                case KEEP_UNSYNCED -> applyToDurable(op, op.offset(), op.data() == null ? 0 : op.data().length);
                case TORN_UNSYNCED, CORRUPT_UNSYNCED -> applyTorn(op, mode == CrashMode.CORRUPT_UNSYNCED, random);
            }
        }
        pending.clear();
        current = Arrays.copyOf(durable, Math.max(durable.length, 16));
        currentSize = durableSize;
    }

    private void applyToDurable(PendingOp op, long from, int length) {
        if (op.data() == null) {
            durableSize = (int) Math.min(durableSize, op.offset());
            return;
        }
        int skip = (int) (from - op.offset());
        if (from > durableSize) {
            // a hole before this part of the write reads as zeros
            durable = applyWrite(durable, durableSize, new byte[(int) (from - durableSize)], 0,
                    (int) (from - durableSize));
            durableSize = (int) from;
        }
        durable = applyWrite(durable, from, op.data(), skip, length);
        durableSize = (int) Math.max(durableSize, from + length);
    }

    /** Each sector of {@code op} independently survives or not; with {@code corrupt}, a survivor may hold garbage. */
    private void applyTorn(PendingOp op, boolean corrupt, SimRandom random) {
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

    /** Writes into {@code image}, growing it (at least doubling) when the write ends beyond it. */
    private static byte[] applyWrite(byte[] image, long offset, byte[] data, int dataOffset, int length) {
        long end = offset + length;
        byte[] target = image;
        if (end > image.length) {
            target = Arrays.copyOf(image, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * image.length)));
        }
        System.arraycopy(data, dataOffset, target, (int) offset, length);
        return target;
    }
}
