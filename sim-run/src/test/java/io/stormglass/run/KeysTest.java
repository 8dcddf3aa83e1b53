package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.scenario.model.WorkloadSpec;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static Keys keys(int keySizeBytes) {
        WorkloadSpec.Shape s = WorkloadSpec.Shape.DEFAULT;
        return new Keys(new WorkloadSpec.KeySpace(100, 0),
                new WorkloadSpec.Shape(s.connections(), s.endpoints(), keySizeBytes, 0, 0, 0, 0));
    }

    @Test
    void namesAreKeyDashAndSixDigitsAsFormatWritesThem() {
        Keys k = keys(0);
        for (int n : new int[] {0, 7, 42, 999_999, 1_000_000, 123_456_789, Integer.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "key-%06d", n), k.name(n));
        }
        assertEquals("key-000042", k.name(42));
    }

    @Test
    void fixedSizeKeysAreTheNumberZeroPaddedToTheirSize() {
        assertEquals("00000042", keys(8).name(42));
        assertEquals("123456789", keys(8).name(123_456_789));
    }
}
