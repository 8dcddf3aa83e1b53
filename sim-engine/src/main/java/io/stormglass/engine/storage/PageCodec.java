package io.stormglass.engine.storage;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compresses the 4 KiB pages of a file that are durable and no longer being written (the WAL behind
 * its tail, the settled pages of the database), so that a long run's files take a fraction of their
 * size in memory: etcd cuts a WAL segment only at 64 MB and keeps it until a snapshot releases it,
 * so three members hold hundreds of megabytes of WAL, most of it record framing and repetitive
 * values. Deflate at its fastest level; the bytes round-trip exactly, so nothing the simulation reads
 * or times depends on this class. One codec per file system: not thread-safe, like the simulation.
 */
final class PageCodec {
    private static final int PAGE_BYTES = SimFileSystem.PAGE_BYTES;
    private static final int POOLED_PAGES = 32;

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final Inflater inflater = new Inflater(true);
    /** Room for an incompressible page: deflate's stored blocks add a few bytes per 64 KiB. */
    private final byte[] packBuffer = new byte[PAGE_BYTES + 64];
    private final byte[] unpacked = new byte[PAGE_BYTES];
    /** All zeros, shared by the pending writes of zeros of every file of the file system; grows, never written. */
    private byte[] zeros = new byte[PAGE_BYTES];
    /** The packed page {@link #unpacked} holds, so that reading a page in pieces inflates it once. */
    private byte[] lastUnpacked;
    /**
     * Raw pages the images gave back when they packed them, for the next pages they write (issue
     * 23: a WAL fills a fresh page in each image every 4 KiB it appends); at most {@link #POOLED_PAGES}.
     */
    private final ArrayDeque<byte[]> freePages = new ArrayDeque<>();

    /** The compressed form of a full page ({@value SimFileSystem#PAGE_BYTES} bytes). */
    byte[] pack(byte[] page) {
        deflater.reset();
        deflater.setInput(page, 0, PAGE_BYTES);
        deflater.finish();
        int n = deflater.deflate(packBuffer);
        if (!deflater.finished()) {
            throw new IllegalStateException("a page did not fit its pack buffer");
        }
        return Arrays.copyOf(packBuffer, n);
    }

    /**
     * Whether {@code length} bytes of {@code data} from {@code offset} are all zero. A page of zeros
     * is held as no page at all (it reads as zeros), neither packed nor raw: a database's pages are
     * mostly written as zeros here, and packing and unpacking them cost more than the rest of a
     * backend commit (issue 23).
     */
    boolean isZero(byte[] data, int offset, int length) {
        int checked = 0;
        while (checked < length) {
            int n = Math.min(length - checked, PAGE_BYTES);
            if (Arrays.mismatch(data, offset + checked, offset + checked + n, zeros, 0, n) >= 0) {
                return false;
            }
            checked += n;
        }
        return true;
    }

    /** An array of at least {@code length} zeros, shared: never write into it. */
    byte[] zeros(int length) {
        if (zeros.length < length) {
            zeros = new byte[Math.max(length, 2 * zeros.length)];
        }
        return zeros;
    }

    /** The page {@code packed} was made from; the array is reused by the next call, so copy what you keep. */
    byte[] unpack(byte[] packed) {
        if (packed == lastUnpacked) {
            return unpacked;
        }
        inflater.reset();
        inflater.setInput(packed);
        try {
            int n = inflater.inflate(unpacked);
            if (n != PAGE_BYTES) {
                throw new IllegalStateException("a packed page inflated to " + n + " bytes");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed page is corrupt", e);
        }
        lastUnpacked = packed;
        return unpacked;
    }

    /** A raw page of zeros that only the caller holds. */
    byte[] newPage() {
        byte[] page = freePages.pollLast();
        if (page == null) {
            return new byte[PAGE_BYTES];
        }
        Arrays.fill(page, (byte) 0);
        return page;
    }

    /** A raw page holding what {@code packed} was made from, that only the caller holds. */
    byte[] unpackedCopy(byte[] packed) {
        byte[] page = freePages.pollLast();
        if (page == null) {
            return unpack(packed).clone();
        }
        System.arraycopy(unpack(packed), 0, page, 0, PAGE_BYTES);
        return page;
    }

    /** Takes back a raw page nobody refers to any more. */
    void free(byte[] page) {
        if (freePages.size() < POOLED_PAGES) {
            freePages.addLast(page);
        }
    }
}
