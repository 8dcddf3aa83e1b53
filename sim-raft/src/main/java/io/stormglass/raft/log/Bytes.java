package io.stormglass.raft.log;

import java.nio.charset.StandardCharsets;

/** Rendering of opaque payloads for logs and golden tests. */
public final class Bytes {
    private Bytes() {
    }

    /** Printable ASCII payloads as text, others as hex; the empty payload as {@code EMPTY}. */
    public static String show(byte[] data) {
        if (data == null || data.length == 0) {
            return "EMPTY";
        }
        StringBuilder text = new StringBuilder(data.length);
        for (byte b : data) {
            if (b < 0x21 || b > 0x7e) {
                return hex(data);
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder(2 + 2 * data.length).append("0x");
        for (byte b : data) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** UTF-8 bytes of a string, for tests and tools. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
