package io.stormglass.scenario.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounds and hostile spellings every quantity is checked against (issue 16). */
class UnitLimitsTest {
    private static String refusal(Runnable parse) {
        return assertThrows(UnitException.class, parse::run).getMessage();
    }

    @Test
    void durationsAreBoundedAt400DaysInEveryForm() {
        assertEquals(Units.MAX_DURATION_NANOS, Units.durationNanos("400d"));
        assertEquals(Units.MAX_DURATION_NANOS, Units.durationNanos("9600h"));
        for (String text : new String[] {"401d", "9601h", "1000d", "399d24h1ns", "1e400s", "9223372036854775807ns"}) {
            String m = refusal(() -> Units.durationNanos(text));
            assertTrue(m.startsWith("must be at most 400d (the longest duration Stormglass accepts), got \""), m);
        }
        assertTrue(refusal(() -> Units.signedDurationNanos("-401d")).endsWith("got \"-401d\""));
        assertEquals(-Units.MAX_DURATION_NANOS, Units.signedDurationNanos("-400d"));
    }

    @Test
    void anOverflowingExponentIsNotANumberRatherThanACrash() {
        String m = refusal(() -> Units.durationNanos("1e2147483648s"));
        assertTrue(m.startsWith("expected a duration"), m);
        assertTrue(refusal(() -> Units.sizeBytes("1e99999B")).startsWith("expected a size"));
        assertTrue(refusal(() -> Units.ppm("1e99999ppm")).startsWith("expected parts per million"));
    }

    @Test
    void aSignIsRefusedEvenOnZeroAndUnicodeDigitsAreNotDigits() {
        assertTrue(refusal(() -> Units.durationNanos("-0s")).startsWith("must not be negative"));
        assertTrue(refusal(() -> Units.sizeBytes("-0B")).startsWith("must not be negative"));
        assertTrue(refusal(() -> Units.fraction("-0")).startsWith("must not be negative"));
        assertTrue(refusal(() -> Units.durationNanos("١٠s")).startsWith("expected a duration"));
        assertTrue(refusal(() -> Units.durationNanos("１s")).startsWith("expected a duration"));
    }

    @Test
    void ratesAreFiniteAndBounded() {
        assertEquals(10_000_000.0, Units.ratePerSecond("10000000/s"));
        for (String text : new String[] {"1e400/s", "1e16/s", "10000001/s"}) {
            assertTrue(refusal(() -> Units.ratePerSecond(text)).startsWith("must be at most 10000000/s"), text);
        }
        assertTrue(refusal(() -> Units.ppm("1e300ppm")).startsWith("must be at most 1000000000ppm"));
    }

    @Test
    void aLongTokenIsQuotedShortAndOnOneLine() {
        String m = refusal(() -> Units.durationNanos("1".repeat(100_000) + "s"));
        assertTrue(m.length() < 120, m);
        assertTrue(m.endsWith("…\" is too large") || m.contains("…\""), m);
        assertEquals("\"a\\x0ab\"", Quote.of("a\nb"));
        assertEquals("\"\\\"x\\\"\"", Quote.of("\"x\""));
        assertEquals("\"" + "x".repeat(40) + "…\"", Quote.of("x".repeat(41)));
        assertEquals("\"\\u200b\"", Quote.of("\u200b"));
    }

    @Test
    void seedsFollowOneRule() {
        assertEquals(0, Seeds.parse("0"));
        assertEquals(Long.MAX_VALUE, Seeds.parse("9223372036854775807"));
        assertEquals(1_000, Seeds.parse("1_000"));
        for (String bad : new String[] {"-1", "-0", "9223372036854775808", "1.5", "1e3", "", "abc", "３", "٣", "9".repeat(5000)}) {
            String m = refusal(() -> Seeds.parse(bad));
            assertTrue(m.startsWith("expected a whole number from 0 to 9223372036854775807 (2^63-1), got \""), m);
            assertTrue(m.length() < 120, m);
        }
        Seeds.checkRange(Long.MAX_VALUE, 1);
        Seeds.checkRange(Long.MAX_VALUE - 9, 10);
        assertTrue(refusal(() -> Seeds.checkRange(Long.MAX_VALUE, 2)).contains("start at most at 9223372036854775806"));
    }
}
