package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoBytesTest {
    @Test
    void formatsAsGoHumanizeBytes() {
        assertEquals("9 B", GoBytes.format(9));
        assertEquals("10 B", GoBytes.format(10));
        assertEquals("1.0 kB", GoBytes.format(1000));
        assertEquals("132 MB", GoBytes.format(131_735_552L));
        assertEquals("5.6 MB", GoBytes.format(5_550_080L));
        assertEquals("3.8 GB", GoBytes.format(3_840_000_000L));
        assertEquals("132 MB", GoBytes.format(132_500_000L), "an exact half rounds to even, as Go's %.0f");
    }
}
