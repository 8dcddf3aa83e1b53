package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core is deterministic: the same seed gives the same run, message for message (DESIGN §3). */
class DeterminismTest {
    private static String run(long seed) {
        StringBuilder trace = new StringBuilder();
        RaftCluster c = new RaftCluster(5, RaftCluster.testConfig(true, true), seed);
        c.setTrace(line -> trace.append(line).append('\n'));
        c.elapse(30);
        c.partition(List.of(List.of(1L, 2L), List.of(3L, 4L, 5L)));
        for (int i = 0; i < 5; i++) {
            List<Long> leaders = c.leaders();
            if (!leaders.isEmpty()) {
                c.propose(leaders.get(0), "v" + i);
            }
            c.elapse(7);
        }
        c.heal();
        c.elapse(20);
        return trace.toString();
    }

    @Test
    void sameSeedSameTrace() {
        String a = run(42);
        assertTrue(a.length() > 10_000, "the run did something: " + a.length() + " chars");
        assertEquals(a, run(42));
        assertNotEquals(a, run(43), "the seed drives the election timeouts");
    }
}
