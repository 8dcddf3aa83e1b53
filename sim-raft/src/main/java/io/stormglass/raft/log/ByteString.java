package io.stormglass.raft.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte sequence with value equality and ordering, for opaque identifiers such as
 * ReadIndex request contexts (which records cannot hold as arrays without losing value equality).
 */
public final class ByteString implements Comparable<ByteString> {
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}; null is the empty string. */
    public static ByteString copyOf(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    public static ByteString utf8(String s) {
        return copyOf(s.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(ByteString o) {
        return Arrays.compare(bytes, o.bytes);
    }

    /** Printable ASCII as text, otherwise hex (see {@link Bytes#show}). */
    @Override
    public String toString() {
        return Bytes.show(bytes);
    }
}
