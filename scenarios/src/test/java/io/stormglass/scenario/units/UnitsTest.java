package io.stormglass.scenario.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durations() {
        assertEquals(100_000_000L, Units.durationNanos("100ms"));
        assertEquals(7_200_000_000_000L, Units.durationNanos("2h"));
        assertEquals(1_500_000_000L, Units.durationNanos("1.5s"));
        assertEquals(250_000L, Units.durationNanos("250us"));
        assertEquals(90_000_000_000L, Units.durationNanos("1.5m"));
        assertEquals("100ms", Units.formatDuration(100_000_000L));
        assertEquals("2h", Units.formatDuration(7_200_000_000_000L));
    }

    @Test
    void sizesRatesAndBandwidths() {
        assertEquals(64L << 20, Units.sizeBytes("64MiB"));
        assertEquals(2300, Units.sizeBytes("2300B"));
        assertEquals(8_000, Units.sizeBytes("8KB"));
        assertEquals(1000.0, Units.ratePerSecond("1000/s"));
        assertEquals(0.5, Units.ratePerSecond("30/min"));
        assertEquals(1_000_000_000L, Units.bitsPerSecond("1Gbit/s"));
        assertEquals(125L * 8 << 20, Units.bitsPerSecond("125MiB/s"));
    }

    @Test
    void mistakesSayWhatWasExpected() {
        UnitException bare = assertThrows(UnitException.class, () -> Units.durationNanos("100"));
        assertTrue(bare.getMessage().contains("a unit is required"), bare.getMessage());
        UnitException negative = assertThrows(UnitException.class, () -> Units.durationNanos("-5s"));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
        UnitException wrongCase = assertThrows(UnitException.class, () -> Units.sizeBytes("64mib"));
        assertTrue(wrongCase.getMessage().contains("did you mean 64MiB?"), wrongCase.getMessage());
        UnitException wrongKind = assertThrows(UnitException.class, () -> Units.durationNanos("64MiB"));
        assertTrue(wrongKind.getMessage().contains("expected a duration"), wrongKind.getMessage());
        assertThrows(UnitException.class, () -> Units.ratePerSecond("1000"));
        assertThrows(UnitException.class, () -> Units.durationNanos("99999999999999h"));
    }

    @Test
    void compoundDurationsAsGoWritesThem() {
        assertEquals(5_400_000_000_000L, Units.durationNanos("1h30m"));
        assertEquals(135_500_000_000L, Units.durationNanos("2m15.5s"));
        assertThrows(UnitException.class, () -> Units.durationNanos("1h 30"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationNanos("12hours")).getMessage()
                .endsWith("(did you mean 12h?)"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationNanos("250millis")).getMessage()
                .endsWith("(did you mean 250ms?)"));
    }

    @Test
    void signedDurationsPartsPerMillionAndFractions() {
        assertEquals(-500_000_000L, Units.signedDurationNanos("-500ms"));
        assertEquals(2_000_000_000L, Units.signedDurationNanos("2s"));
        assertEquals(500, Units.ppm("500ppm"));
        assertEquals(-200, Units.ppm("-200ppm"));
        assertEquals(10_000, Units.ppm("1%"));
        assertEquals(500, Units.ppm("0.05%"));
        assertTrue(assertThrows(UnitException.class, () -> Units.ppm("500")).getMessage().contains("a unit is required"));
        assertEquals(0.3, Units.fraction("0.3"), 1e-12);
        assertEquals(0.3, Units.fraction("30%"), 1e-12);
        assertTrue(assertThrows(UnitException.class, () -> Units.fraction("130%")).getMessage().contains("at most 1"));
        assertThrows(UnitException.class, () -> Units.fraction("-0.1"));
    }

    @Test
    void formattingPicksTheShortestExactUnitAndParsesBack() {
        assertEquals("0s", Units.formatDuration(0));
        assertEquals("1700us", Units.formatDuration(1_700_000));
        assertEquals("-20ms", Units.formatSignedDuration(-20_000_000));
        assertEquals("64MiB", Units.formatSize(64L << 20));
        assertEquals("2TB", Units.formatSize(2_000_000_000_000L));
        assertEquals("150B", Units.formatSize(150));
        assertEquals("10Gbit/s", Units.formatBitsPerSecond(10_000_000_000L));
        assertEquals("100MiB/s", Units.formatBitsPerSecond(100L * 8 << 20));
        for (long bytes : new long[] {1, 150, 4096, 1000, 64L << 20, 2_000_000_000_000L, 123_456_789}) {
            assertEquals(bytes, Units.sizeBytes(Units.formatSize(bytes)));
        }
        for (long bits : new long[] {8, 1_000_000, 100L * 8 << 20, 25_000_000_000L}) {
            assertEquals(bits, Units.bitsPerSecond(Units.formatBitsPerSecond(bits)));
        }
    }
}
