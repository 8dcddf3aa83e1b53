package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionIndexTest {
    private static List<String> between(RevisionIndex<String> index, long from, long to) {
        List<String> out = new ArrayList<>();
        index.forEachBetween(from, to, (revision, owner) -> out.add(revision + owner));
        return out;
    }

    @Test
    void entriesComeInRevisionThenAppendOrderAndARewriteMovesToTheEnd() {
        RevisionIndex<String> index = new RevisionIndex<>();
        index.append(2, "z");
        index.append(3, "c");
        index.append(3, "a");
        index.append(3, "b");
        index.moveToEnd(3, "c"); // the command changed c again, last
        index.append(4, "a");
        assertEquals(List.of("3a", "3b", "3c"), between(index, 3, 3));
        assertEquals(List.of("2z", "3a", "3b", "3c", "4a"), between(index, 0, 9));
        assertEquals(List.of(), between(index, 5, 9));
        assertThrows(IllegalArgumentException.class, () -> index.append(3, "d"), "below the newest revision");
        assertThrows(IllegalStateException.class, () -> index.moveToEnd(4, "b"), "b has no entry at 4");
    }

    @Test
    void aRestoreSortsStablyByRevision() {
        RevisionIndex<String> index = new RevisionIndex<>();
        String[] owners = {"a", "b", "c", "d", "e"};
        long[] revisions = {7, 3, 7, 5, 3};
        for (int round = 0; round < 5; round++) { // 25 entries: several merge passes
            for (int i = 0; i < owners.length; i++) {
                index.appendUnsorted(revisions[i] + round, owners[i] + round);
            }
        }
        index.sortByRevision();
        List<String> all = between(index, 0, 99);
        assertEquals(25, all.size());
        assertEquals(List.of("3b0", "3e0", "4b1", "4e1", "5d0", "5b2", "5e2"), all.subList(0, 7), "stable within a revision");
        index.append(12, "x"); // sorted again: appends in order work
        assertEquals(List.of("11a4", "11c4", "12x"), between(index, 11, 12));
    }

    /** Compaction keeps the arrays within a constant factor of what they hold, however long the history. */
    @Test
    void memoryStaysBoundedWhenCompactionRuns() {
        RevisionIndex<String> index = new RevisionIndex<>();
        int maxCapacity = 0;
        for (long revision = 1; revision <= 1_000_000; revision++) {
            index.append(revision, "k");
            if (revision % 1_000 == 0) {
                index.dropBelow(revision - 500);
                assertEquals(501, index.size());
            }
            maxCapacity = Math.max(maxCapacity, index.capacity());
        }
        assertTrue(maxCapacity <= 4 * 1_500, "capacity " + maxCapacity + " for at most 1 500 entries held");
        index.dropBelow(1_000_001);
        assertEquals(0, index.size());
        assertTrue(index.capacity() <= 16, "shrunk when emptied: " + index.capacity());
        assertEquals(List.of(), between(index, 0, Long.MAX_VALUE));
    }
}
