package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSamplerTest {
    private static int admitted(LogSampler sampler, String msg, int lines, long atNanos) {
        int written = 0;
        for (int i = 0; i < lines; i++) {
            written += sampler.admit("warn", msg, atNanos + i) ? 1 : 0;
        }
        return written;
    }

    @Test
    void aBurstKeepsTheFirstHundredThenEveryHundredth() {
        LogSampler sampler = new LogSampler();
        // 100 first, then lines 200, 300, ..., 1000 of the same second
        assertEquals(109, admitted(sampler, "apply request took too long", 1_000, 0));
        assertEquals(891, sampler.droppedLines());
    }

    @Test
    void eachMessageAndLevelHasItsOwnCount() {
        LogSampler sampler = new LogSampler();
        admitted(sampler, "slow fdatasync", 100, 0);
        assertTrue(sampler.admit("warn", "failed to send out heartbeat on time", 10));
        assertTrue(sampler.admit("info", "slow fdatasync", 10));
        assertEquals(false, sampler.admit("warn", "slow fdatasync", 10));
    }

    @Test
    void theCountStartsAgainOneSecondAfterItOpened() {
        LogSampler sampler = new LogSampler();
        admitted(sampler, "slow fdatasync", 150, 0);
        assertEquals(false, sampler.admit("warn", "slow fdatasync", LogSampler.TICK_NANOS - 1));
        assertTrue(sampler.admit("warn", "slow fdatasync", LogSampler.TICK_NANOS));
    }
}
