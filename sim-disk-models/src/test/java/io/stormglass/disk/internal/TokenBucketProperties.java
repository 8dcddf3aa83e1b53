package io.stormglass.disk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TokenBucketProperties {
    private static final long TICK = 50_000_000L;

    /** Over any prefix of time, grants never exceed the bucket plus what the ticks so far added; order is FIFO. */
    @Property(tries = 100)
    void grantsStayWithinCapacityPlusRateAndKeepArrivalOrder(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 20, max = 2000) int ratePerSecond, @ForAll @IntRange(min = 1, max = 3) int burstSeconds,
            @ForAll @IntRange(min = 1, max = 800) int requests) {
        Simulation sim = new Simulation();
        TokenBucket bucket = new TokenBucket(sim, EventKind.named("t"), 0, ratePerSecond,
                (double) ratePerSecond * burstSeconds, TICK);
        SimRandom rnd = new SimRandom(seed);
        List<long[]> grants = new ArrayList<>(); // {id, time}
        long at = 0;
        for (int i = 0; i < requests; i++) {
            at += rnd.nextLong(5_000_000L);
            int id = i;
            sim.scheduleAt(at, EventKind.named("arrive"), 0,
                    () -> bucket.acquire(1, () -> grants.add(new long[] {id, sim.nowNanos()})));
        }
        sim.run();
        assertEquals(requests, grants.size());
        double perTick = ratePerSecond * TICK / 1e9;
        for (int i = 0; i < grants.size(); i++) {
            assertEquals(i, grants.get(i)[0], "FIFO");
            long ticks = grants.get(i)[1] / TICK;
            assertTrue(i + 1 <= (double) ratePerSecond * burstSeconds + ticks * perTick + 1e-6,
                    "grant " + (i + 1) + " at tick " + ticks);
        }
    }
}
