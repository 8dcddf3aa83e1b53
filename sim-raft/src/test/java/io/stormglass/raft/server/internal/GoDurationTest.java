package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoDurationTest {
    @Test
    void formatsAsGoPrintsDurations() {
        assertEquals("2.14025047s", GoDuration.format(2_140_250_470L));
        assertEquals("1s", GoDuration.format(1_000_000_000L));
        assertEquals("100ms", GoDuration.format(100_000_000L));
        assertEquals("1.5µs", GoDuration.format(1_500L));
        assertEquals("750ns", GoDuration.format(750L));
        assertEquals("1h2m3.5s", GoDuration.format(3_723_500_000_000L));
        assertEquals("2m0s", GoDuration.format(120_000_000_000L));
        assertEquals("0s", GoDuration.format(0));
    }

    @Test
    void timestampsAreRfc3339FromTheEpoch() {
        assertEquals("1970-01-01T00:00:00.000000Z", MemberLog.timestamp(0));
        assertEquals("1970-01-02T01:00:00.250000Z", MemberLog.timestamp(90_000_250_000_000L));
        assertEquals("1970-03-01T00:00:00.000000Z", MemberLog.timestamp(59L * 86_400 * 1_000_000_000L));
    }
}
