package io.stormglass.raft.kv;

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
        int start = n - 1;
        while (start > 0 && value.charAt(start - 1) == last) {
            start--;
        }
        int run = n - start;
        return run < MIN_RUN ? new PackedValue(value, '\0', 0) : new PackedValue(value.substring(0, start), last, run);
    }

    /** The value this was packed from. */
    String unpack() {
        if (fillCount == 0) {
            return head;
        }
        StringBuilder b = new StringBuilder(length());
        b.append(head);
        for (int i = 0; i < fillCount; i++) {
            b.append(fill);
        }
        return b.toString();
    }

    /** Length of the unpacked value, in chars. */
    int length() {
        return head.length() + fillCount;
    }
}
