package io.stormglass.disk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenSequencesTest {
    @Test
    void aBarrierWaitsForTheLowestOpenNumberOnly() {
        OpenSequences open = new OpenSequences();
        assertFalse(open.anyOpenUpTo(Long.MAX_VALUE), "nothing issued");
        long a = open.issue();
        long b = open.issue();
        long c = open.issue();
        assertEquals(List.of(1L, 2L, 3L), List.of(a, b, c));
        open.finish(b);
        assertTrue(open.anyOpenUpTo(1), "1 is open");
        open.finish(a);
        assertFalse(open.anyOpenUpTo(2), "1 and 2 finished, out of order");
        assertTrue(open.anyOpenUpTo(3));
        assertThrows(IllegalArgumentException.class, () -> open.finish(b), "finished twice");
        assertThrows(IllegalArgumentException.class, () -> open.finish(4), "never issued");
    }

    /** Against a TreeSet, with thousands open at once (the ring grows) and finishes in random order. */
    @Test
    void agreesWithASortedSet() {
        OpenSequences open = new OpenSequences();
        TreeSet<Long> reference = new TreeSet<>();
        List<Long> pending = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(23);
        for (int step = 0; step < 200_000; step++) {
            // bursts of issues, then drains: the window widens to a few thousand and closes again
            boolean issue = pending.isEmpty() || random.nextInt(100) < ((step / 5_000) % 2 == 0 ? 70 : 30);
            if (issue) {
                long seq = open.issue();
                reference.add(seq);
                pending.add(seq);
            } else {
                long seq = pending.remove(random.nextInt(pending.size()));
                open.finish(seq);
                reference.remove(seq);
            }
            long probe = open.lastIssued() - random.nextInt(64);
            boolean expected = !reference.isEmpty() && reference.first() <= probe;
            assertEquals(expected, open.anyOpenUpTo(probe), "step " + step + ", barrier " + probe);
        }
    }
}
