package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PeerTableTest {
    @Test
    void getsAndIteratesLikeATreeMap() {
        PeerTable<String> table = new PeerTable<>();
        Map<Integer, String> reference = new TreeMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            int peer = random.nextBoolean() ? 1 + random.nextInt(9) : 1001 + random.nextInt(12);
            table.put(peer, "v" + i);
            reference.put(peer, "v" + i);
            int probe = random.nextInt(1020);
            assertEquals(reference.get(probe), table.get(probe), "peer " + probe);
        }
        List<String> inOrder = new ArrayList<>();
        table.forEach(inOrder::add);
        assertEquals(new ArrayList<>(reference.values()), inOrder);
        assertNull(table.get(0));
    }

    @Test
    void clearForgetsEveryPeer() {
        PeerTable<String> table = new PeerTable<>();
        for (int peer = 1; peer <= 9; peer++) {
            table.put(peer, "v" + peer);
        }
        table.clear();
        List<String> left = new ArrayList<>();
        table.forEach(left::add);
        assertEquals(List.of(), left);
        assertNull(table.get(3));
        table.put(3, "again");
        assertEquals("again", table.get(3));
    }
}
