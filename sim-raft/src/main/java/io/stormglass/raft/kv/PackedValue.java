package io.stormglass.raft.kv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A value held in memory as its head and the run of one repeated character that ends it. The
 * workloads pad every value to its drawn size with one character after a distinct tag
 * ({@code v123-xxxx…}), and the history keeps every superseded version until a compaction, so a
 * simulated week without compaction would otherwise hold gigabytes of padding. Lossless for every
 * string: one without a long final run keeps it all in {@code head}.
 *
 * @param head      the characters before the final run (the whole value when it has none worth packing)
 * @param fill      the repeated character; meaningless when {@code fillCount} is 0
 * @param fillCount how many times {@code fill} ends the value
 */
record PackedValue(String head, char fill, int fillCount) {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Runs shorter than this stay in {@code head}: packing them would save less than the record costs. */
    static final int MIN_RUN = 32;

    PackedValue {
        if (fillCount < 0) {
            throw new IllegalArgumentException("negative run: " + fillCount);
        }
    }

    /** {@code value} packed: its final run of one character, when at least {@link #MIN_RUN} long, counted. */
    static PackedValue of(String value) {
        int n = value.length();
        if (n < MIN_RUN) {
            return new PackedValue(value, '\0', 0);
        }
        char last = value.charAt(n - 1);
        int start = runStart(value, last);
        int run = n - start;
        return run < MIN_RUN ? new PackedValue(value, '\0', 0) : new PackedValue(value.substring(0, start), last, run);
    }

    /** Where the final run of {@code last} (the value's last char) starts. */
    static int runStart(String value, char last) {
        if (last > 0xFF || last == '?') {
            return runStartByChars(value, last);
        }
        // a Latin-1 copy compared eight bytes at a time: a char at a time was a sixth of a busy store's time
        // (issue 23). A char beyond Latin-1 becomes '?', which is not last, so the run ends where it does;
        // a surrogate pair becomes one '?', so the copy is shorter and the indices would not match
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != value.length()) {
            return runStartByChars(value, last);
        }
        int start = bytes.length - 1;
        long eight = (last & 0xFFL) * 0x0101010101010101L;
        while (start >= Long.BYTES && (long) LONGS.get(bytes, start - Long.BYTES) == eight) {
            start -= Long.BYTES;
        }
        while (start > 0 && bytes[start - 1] == (byte) last) {
            start--;
        }
        return start;
    }

    private static int runStartByChars(String value, char last) {
        int start = value.length() - 1;
        while (start > 0 && value.charAt(start - 1) == last) {
            start--;
        }
        return start;
    }

    /** The value this was packed from. */
    String unpack() {
        if (fillCount == 0) {
            return head;
        }
        // one bulk copy of the run: appended char by char it was a sixth of watch-storm's time, whose
        // catching-up watchers read superseded versions back (issue 23)
        return head + String.valueOf(fill).repeat(fillCount);
    }

    /** Length of the unpacked value, in chars. */
    int length() {
        return head.length() + fillCount;
    }
}
