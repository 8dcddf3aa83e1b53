package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeartbeatDetectorTest {
    private static final long MS = 1_000_000L;

    @Test
    void aGapLongerThanTheLimitIsLateByTheExcessPerFollower() {
        HeartbeatDetector d = new HeartbeatDetector(200 * MS);
        assertEquals(0, d.observe(2, 0), "the first heartbeat to a follower has nothing to compare with");
        assertEquals(0, d.observe(3, 50 * MS));
        assertEquals(0, d.observe(2, 200 * MS), "exactly the limit is on time");
        assertEquals(30 * MS, d.observe(3, 280 * MS), "230 ms after the last one to n3: 30 ms late");
        assertEquals(0, d.observe(2, 300 * MS), "n2's own last heartbeat counts, not n3's");
    }

    @Test
    void resetForgetsEveryFollower() {
        HeartbeatDetector d = new HeartbeatDetector(200 * MS);
        d.observe(2, 0);
        d.reset();
        assertEquals(0, d.observe(2, 10_000 * MS), "after a reset the next heartbeat is a first one");
        assertEquals(100 * MS, d.observe(2, 10_300 * MS));
    }

    @Test
    void moreFollowersThanTheInitialRoomAreAllTracked() {
        HeartbeatDetector d = new HeartbeatDetector(200 * MS);
        for (long f = 1; f <= 20; f++) {
            assertEquals(0, d.observe(f, f * MS));
        }
        for (long f = 1; f <= 20; f++) {
            assertEquals(100 * MS, d.observe(f, f * MS + 300 * MS), "follower " + f);
        }
    }
}
