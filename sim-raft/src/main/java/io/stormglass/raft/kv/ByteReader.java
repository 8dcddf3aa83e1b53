package io.stormglass.raft.kv;

import java.nio.charset.StandardCharsets;

/**
 * Reads, from an array, what {@link ExactBytes} wrote: numbers big-endian, as
 * {@link java.io.DataInputStream} reads them, and text decoded straight from the array. A stream over
 * the array copied each text's bytes into an array of their own before decoding them, for every value of
 * every entry every member applies (a sixth of a write-heavy run's allocation, issue 23). Reading past
 * the end, or a negative length, fails with {@link IllegalArgumentException}: the encoding is malformed.
 */
final class ByteReader {
    private final byte[] data;
    private int position;

    ByteReader(byte[] data) {
        this.data = data;
    }

    byte readByte() {
        return data[take(1)];
    }

    int readUnsignedByte() {
        return data[take(1)] & 0xFF;
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readInt() {
        int at = take(Integer.BYTES);
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
    }

    long readLong() {
        long high = readInt();
        return high << 32 | (readInt() & 0xFFFF_FFFFL);
    }

    /** The next {@code length} bytes decoded as UTF-8. */
    String readUtf8(int length) {
        int at = take(length);
        return new String(data, at, length, StandardCharsets.UTF_8);
    }

    /** Moves past {@code n} bytes and returns where they start. */
    private int take(int n) {
        if (n < 0 || n > data.length - position) {
            throw new IllegalArgumentException("malformed KV data: " + n + " bytes wanted at offset " + position
                    + " of " + data.length);
        }
        int at = position;
        position += n;
        return at;
    }
}
