package io.stormglass.engine.storage;

import java.util.Arrays;

/**
 * The bytes of one image of a file (its page-cache view, or what is durable), held in 4 KiB pages
 * so that memory follows what a file holds, not twice its largest size: a page is either absent
 * (never written, or settled as all zeros: zeros), raw (a {@code byte[PAGE_BYTES]} this image alone may change) or packed
 * (compressed by {@link PageCodec}, immutable, and possibly shared with the file's other image).
 * A write into a packed page unpacks it first, so sharing is copy-on-write by construction. Raw
 * pages are this image's alone: when one is packed, its array goes back to the codec for reuse.
 *
 * <p>Bytes past {@link #size()} are unspecified: a file only reads below its size, and a write
 * never lies beyond it, so this image keeps whatever a truncate left there, as the one-array
 * image did before it.
 */
final class PagedImage {
    private static final int PAGE_BYTES = SimFileSystem.PAGE_BYTES;

    private final PageCodec codec;
    private byte[][] raw = new byte[0][];
    private byte[][] packed = new byte[0][];
    private int size;

    PagedImage(PageCodec codec) {
        this.codec = codec;
    }

    int size() {
        return size;
    }

    void setSize(int size) {
        this.size = size;
    }

    /** Copies {@code length} bytes of {@code data} from {@code dataOffset} to {@code offset}; the size grows to cover them. */
    void write(long offset, byte[] data, int dataOffset, int length) {
        long end = offset + length;
        ensurePages((int) ((end + PAGE_BYTES - 1) / PAGE_BYTES));
        long pos = offset;
        while (pos < end) {
            int page = (int) (pos / PAGE_BYTES);
            int inPage = (int) (pos % PAGE_BYTES);
            int n = (int) Math.min(end - pos, PAGE_BYTES - inPage);
            int from = dataOffset + (int) (pos - offset);
            // zeros into an absent page change nothing it reads: it stays absent
            if (raw[page] != null || packed[page] != null || !codec.isZero(data, from, n)) {
                System.arraycopy(data, from, writable(page), inPage, n);
            }
            pos += n;
        }
        size = (int) Math.max(size, end);
    }

    /** Copies {@code length} bytes at {@code offset} (within the size) into {@code target}. */
    void read(long offset, byte[] target, int targetOffset, int length) {
        long end = offset + length;
        long pos = offset;
        while (pos < end) {
            int page = (int) (pos / PAGE_BYTES);
            int inPage = (int) (pos % PAGE_BYTES);
            int n = (int) Math.min(end - pos, PAGE_BYTES - inPage);
            int at = targetOffset + (int) (pos - offset);
            if (raw[page] != null) {
                System.arraycopy(raw[page], inPage, target, at, n);
            } else if (packed[page] != null) {
                System.arraycopy(codec.unpack(packed[page]), inPage, target, at, n);
            } else {
                Arrays.fill(target, at, at + n, (byte) 0);
            }
            pos += n;
        }
    }

    /** Whether page {@code page} lies wholly below the size. */
    boolean isFull(int page) {
        return (long) (page + 1) * PAGE_BYTES <= size;
    }

    /**
     * Packs page {@code page}, whose bytes equal those of the same page of {@code other}, and lets
     * both images share the packed copy; a page of zeros becomes absent in both. Does nothing for a
     * page that is absent here.
     */
    void packShared(int page, PagedImage other) {
        byte[] p = packed[page];
        byte[] r = raw[page];
        if (r != null) {
            p = codec.isZero(r, 0, PAGE_BYTES) ? null : codec.pack(r);
            codec.free(r);
        } else if (p == null) {
            return;
        }
        raw[page] = null;
        packed[page] = p;
        other.ensurePages(page + 1);
        if (other.raw[page] != null) {
            codec.free(other.raw[page]);
            other.raw[page] = null;
        }
        other.packed[page] = p;
    }

    /** Becomes a copy of {@code other}, its size included (packed pages are shared, raw ones copied). */
    void copyFrom(PagedImage other) {
        int pages = other.raw.length;
        raw = new byte[pages][];
        packed = other.packed.clone();
        for (int i = 0; i < pages; i++) {
            raw[i] = other.raw[i] == null ? null : other.raw[i].clone();
        }
        size = other.size;
    }

    /** Bytes held in memory by the pages (for tests and memory reports). */
    long heldBytes() {
        long held = 0;
        for (int i = 0; i < raw.length; i++) {
            held += raw[i] != null ? raw[i].length : packed[i] != null ? packed[i].length : 0;
        }
        return held;
    }

    private byte[] writable(int page) {
        byte[] r = raw[page];
        if (r == null) {
            r = packed[page] != null ? codec.unpackedCopy(packed[page]) : codec.newPage();
            raw[page] = r;
            packed[page] = null;
        }
        return r;
    }

    private void ensurePages(int pages) {
        if (pages > raw.length) {
            int capacity = Math.max(pages, Math.min(Integer.MAX_VALUE / PAGE_BYTES, raw.length * 2));
            raw = Arrays.copyOf(raw, capacity);
            packed = Arrays.copyOf(packed, capacity);
        }
    }
}
