package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rafthttp's peer status as messages and process starts show it: active since, read timeout, a restarted peer. */
class PeerActivityTest {
    private static final long MS = 1_000_000L;

    @Test
    void aPeerIsConnectedSinceItsProcessOrThisOneStartedAndARestartIsANewConnection() {
        long[] leading = {-1};
        PeerActivity a = new PeerActivity(200 * MS, () -> leading[0]);
        assertEquals(-1, a.activeSinceNanos(2, 0), "never heard");
        a.heard(2, 0, 900 * MS);
        assertEquals(200 * MS, a.activeSinceNanos(2, 900 * MS), "the peer started first: connected since this process started");
        a.heard(3, 3_000 * MS, 3_100 * MS);
        assertEquals(3_000 * MS, a.activeSinceNanos(3, 3_100 * MS), "the peer restarted at 3 s");
        assertEquals(200 * MS, a.activeSinceNanos(2, 60_000 * MS), "a follower hears nothing from other followers: no timeout");
    }

    @Test
    void aLeaderThatHearsNothingForTheReadTimeoutTakesTheConnectionForFailedUntilTheNextMessage() {
        long[] leading = {-1};
        PeerActivity a = new PeerActivity(0, () -> leading[0]);
        a.heard(2, 0, 100 * MS);
        leading[0] = 2_000 * MS;
        assertEquals(0, a.activeSinceNanos(2, 6_999 * MS), "5 s of leadership not yet over");
        assertEquals(-1, a.activeSinceNanos(2, 7_000 * MS), "5 s without a message while leading: rafthttp's read deadline passed");
        a.heard(2, 0, 7_500 * MS);
        assertEquals(7_500 * MS, a.activeSinceNanos(2, 7_500 * MS), "a new connection after the silence");
    }

    @Test
    void longestConnectedPicksTheOldestActiveConnectionAndTheFirstOnTies() {
        PeerActivity a = new PeerActivity(0, () -> -1);
        a.heard(2, 50 * MS, 60 * MS);
        a.heard(3, 10 * MS, 20 * MS);
        a.heard(4, 10 * MS, 30 * MS);
        assertEquals(3, a.longestConnected(List.of(1, 2, 3, 4), 100 * MS), "1 is never heard (the member itself)");
        assertEquals(4, a.longestConnected(List.of(4, 3), 100 * MS));
        a.heard(3, 5_000 * MS, 5_010 * MS);
        assertEquals(4, a.longestConnected(List.of(1, 2, 3, 4), 5_050 * MS), "3 restarted");
        assertEquals(0, a.longestConnected(List.of(1, 5), 5_050 * MS));
    }
}
