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
}
