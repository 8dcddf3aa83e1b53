package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link WorkloadDriver#paddedValue} writes what the char-by-char padding it replaced wrote. */
class PaddedValueTest {
    private static String byChars(long sequence, long size) {
        StringBuilder b = new StringBuilder("v" + sequence + "-");
        while (b.length() < size) {
            b.append('x');
        }
        return b.toString();
    }

    @Test
    void theTagThenPaddingToTheSize() {
        for (long sequence : new long[] {1, 9, 10, 12_345, Long.MAX_VALUE}) {
            for (long size : new long[] {0, 1, 3, 4, 5, 6, 7, 100, 256, 1024, 4096}) {
                String value = WorkloadDriver.paddedValue(sequence, size);
                assertEquals(byChars(sequence, size), value, "sequence " + sequence + ", size " + size);
                assertEquals(Math.max(size, ("v" + sequence + "-").length()), value.length());
            }
        }
    }
}
