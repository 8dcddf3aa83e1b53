package io.stormglass.disk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long TICK = 50_000_000L;

    @Test
    void releasesWaitersInArrivalOrderOnlyAtTicks() {
        Simulation sim = new Simulation();
        TokenBucket bucket = new TokenBucket(sim, EventKind.named("t"), 0, 100, 10, TICK);
        List<long[]> granted = new ArrayList<>(); // {id, time}
        for (int i = 0; i < 25; i++) {
            int id = i;
            bucket.acquire(1, () -> granted.add(new long[] {id, sim.nowNanos()}));
        }
        sim.run();
        assertEquals(25, granted.size());
        for (int i = 0; i < 25; i++) {
            assertEquals(i, granted.get(i)[0], "FIFO");
            // 10 from the full bucket at once, then 5 per 50 ms tick (100/s)
            long expected = i < 10 ? 0 : ((i - 10) / 5 + 1) * TICK;
            assertEquals(expected, granted.get(i)[1], "grant time of " + i);
        }
    }

    @Test
    void aRequestLargerThanTheBucketPassesWhenItIsFullAndLeavesDebt() {
        Simulation sim = new Simulation();
        TokenBucket bucket = new TokenBucket(sim, EventKind.named("t"), 0, 1000, 100, TICK);
        long[] at = new long[2];
        bucket.acquire(500, () -> at[0] = sim.nowNanos());
        bucket.acquire(1, () -> at[1] = sim.nowNanos());
        sim.run();
        assertEquals(0, at[0]);
        // debt of 400 tokens plus one more, at 50 tokens per tick: 9 ticks
        assertEquals(9 * TICK, at[1]);
    }
}
