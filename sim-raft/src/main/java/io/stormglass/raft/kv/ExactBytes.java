package io.stormglass.raft.kv;

/**
 * Where an encoding is written, twice: first counted (no array is touched), then into an array of
 * exactly the counted size, so that a snapshot of a long history is held once, not in a growing
 * buffer and its copies. Numbers are big-endian, as {@link java.io.DataOutputStream} writes them,
 * so an encoding is byte for byte what that stream wrote. A plain class rather than a stream: writing
 * into memory cannot fail, so no encoder declares or wraps an {@link java.io.IOException}, and counting
 * needs no stream to discard the bytes into.
 */
final class ExactBytes {
    /** The array written into; null while counting. */
    private final byte[] target;
    private int position;

    private ExactBytes(byte[] target) {
        this.target = target;
    }

    /** A sink that only counts the bytes written to it. */
    static ExactBytes counting() {
        return new ExactBytes(null);
    }

    /** A sink that writes into {@code target}, which must be exactly as long as what is written. */
    static ExactBytes into(byte[] target) {
        return new ExactBytes(target);
    }

    /** Bytes written so far. */
    int size() {
        return position;
    }

    /** Whether the array written into is full (always true when counting). */
    boolean isFull() {
        return target == null || position == target.length;
    }

    void writeByte(int v) {
        if (target != null) {
            target[position] = (byte) v;
        }
        position++;
    }

    void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    void writeInt(int v) {
        if (target != null) {
            for (int shift = 24, at = position; shift >= 0; shift -= 8) {
                target[at++] = (byte) (v >>> shift);
            }
        }
        position += Integer.BYTES;
    }

    void writeLong(long v) {
        if (target != null) {
            for (int shift = 56, at = position; shift >= 0; shift -= 8) {
                target[at++] = (byte) (v >>> shift);
            }
        }
        position += Long.BYTES;
    }

    void write(byte[] bytes) {
        if (target != null) {
            System.arraycopy(bytes, 0, target, position, bytes.length);
        }
        position += bytes.length;
    }

    /** {@code v} in LEB128: seven bits a byte, low bits first, the high bit set on all but the last byte. */
    void writeVarLong(long v) {
        long rest = v;
        while ((rest & ~0x7FL) != 0) {
            writeByte((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        writeByte((int) rest);
    }
}
