package io.stormglass.net.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongTableTest {
    @Test
    void agreesWithAHashMapThroughGrowthOverwritesAndClears() {
        LongTable<String> table = new LongTable<>();
        Map<Long, String> reference = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // pair keys as the fabric builds them, plus negative and colliding-looking ones
            long key = switch (random.nextInt(3)) {
                case 0 -> ((long) random.nextInt(40) << 32) | random.nextInt(40);
                case 1 -> 1001 + random.nextInt(500);
                default -> -random.nextInt(100) * 1024L;
            };
            String value = random.nextInt(5) == 0 ? null : "v" + i;
            table.put(key, value);
            reference.put(key, value);
            long probe = ((long) random.nextInt(40) << 32) | random.nextInt(40);
            assertEquals(reference.get(probe), table.get(probe), "key " + probe);
        }
        for (Map.Entry<Long, String> e : reference.entrySet()) {
            assertEquals(e.getValue(), table.get(e.getKey()));
        }
        assertNull(table.get(Long.MAX_VALUE));
    }
}
