package io.stormglass.scenario.input;

import java.util.Arrays;

/** The bytes of one line being read, up to a bound, decoded when the line ends. */
final class LineBuffer {
    private final int maxBytes;
    private byte[] bytes = new byte[256];
    private int length;

    LineBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Appends a byte; false if the line would pass the bound. */
    boolean add(byte b) {
        if (length == maxBytes) {
            return false;
        }
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, bytes.length * 2));
        }
        bytes[length++] = b;
        return true;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }

    /** The line as text, without a trailing {@code \r}; a byte-order mark is dropped from line 1. */
    String text(String shown, int number) {
        int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        return Utf8Text.decode(bytes, 0, end, shown, number, number == 1);
    }
}
