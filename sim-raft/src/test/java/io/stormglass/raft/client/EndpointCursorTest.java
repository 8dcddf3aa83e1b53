package io.stormglass.raft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's endpoints: where it starts, how it moves on, what SetEndpoints keeps. */
class EndpointCursorTest {
    @Test
    void aConnectionStartsAtItsIdModuloTheEndpointsAndMovesOnInTurn() {
        EndpointCursor e = new EndpointCursor(List.of(1, 2, 3), 1004);
        assertEquals(3, e.current(), "1004 mod 3");
        e.next();
        assertEquals(1, e.current());
        assertEquals(1, e.forAttempt(), "sticky: the same endpoint until it fails");
        assertEquals(1, e.forAttempt());
        e.rotatePerRequest(true);
        assertEquals(1, e.forAttempt());
        assertEquals(2, e.forAttempt());
    }

    @Test
    void setEndpointsKeepsTheCurrentMemberIfItStaysAndStartsAgainOtherwise() {
        EndpointCursor e = new EndpointCursor(List.of(1, 2, 3), 1004);
        e.startAt(3);
        e.replace(List.of(2, 3, 4));
        assertEquals(3, e.current(), "still an endpoint: the connection stays with it");
        e.replace(List.of(4, 5));
        assertEquals(4, e.current(), "3 was removed: 1004 mod 2");
        assertEquals(List.of(4, 5), e.list());
        assertThrows(IllegalArgumentException.class, () -> e.replace(List.of()));
        assertFalse(e.startAt(1), "1 is not an endpoint");
    }
}
