package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rafthttp's peer status as the messages that arrive show it: active since, read timeout, a restarted peer. */
class PeerActivityTest {
    private static final long MS = 1_000_000L;

    @Test
    void aPeerIsActiveFromItsFirstMessageUntilTheReadTimeoutPassesInSilence() {
        PeerActivity a = new PeerActivity();
        assertEquals(-1, a.activeSinceNanos(2, 0));
        a.heard(2, 1, 100 * MS);
        a.heard(2, 1, 4_000 * MS);
        assertEquals(100 * MS, a.activeSinceNanos(2, 8_999 * MS), "heard within the read timeout: the same connection");
        assertEquals(-1, a.activeSinceNanos(2, 9_000 * MS), "5 s of silence: rafthttp's read deadline has passed");
        a.heard(2, 1, 9_500 * MS);
        assertEquals(9_500 * MS, a.activeSinceNanos(2, 9_500 * MS), "a new connection after the silence");
    }

    @Test
    void aMessageFromANewLifetimeOfThePeerIsANewConnection() {
        PeerActivity a = new PeerActivity();
        a.heard(3, 1, 0);
        a.heard(3, 2, 700 * MS);
        assertEquals(700 * MS, a.activeSinceNanos(3, 700 * MS));
    }

    @Test
    void longestConnectedPicksTheOldestActiveConnectionAndTheFirstOnTies() {
        PeerActivity a = new PeerActivity();
        a.heard(2, 1, 50 * MS);
        a.heard(3, 1, 10 * MS);
        a.heard(4, 1, 10 * MS);
        assertEquals(3, a.longestConnected(List.of(1, 2, 3, 4), 20 * MS), "1 is never heard (the member itself)");
        assertEquals(4, a.longestConnected(List.of(4, 3), 20 * MS));
        a.heard(2, 1, 5_040 * MS);
        assertEquals(2, a.longestConnected(List.of(1, 2, 3, 4), 5_050 * MS), "3 and 4 went silent for 5 s");
        assertEquals(0, a.longestConnected(List.of(1, 3), 5_050 * MS));
    }
}
