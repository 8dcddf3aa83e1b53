package io.stormglass.raft.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thesis §4.3: while joint, commitment and elections need a majority of both configurations. */
class JointConfigTest {
    private static final JointConfig JOINT = new JointConfig(new MajorityConfig(List.of(3L, 4L, 5L)),
            new MajorityConfig(List.of(1L, 2L, 3L)));

    @Test
    void committedIndexIsTheSmallerOfBothSides() {
        // (3 4 5) has 4 and 5 at 9: committed 9; (1 2 3) has only 1 at 9 and 3 at 2: committed 2.
        Map<Long, Long> acked = Map.of(1L, 9L, 3L, 2L, 4L, 9L, 5L, 9L);
        assertEquals(2, JOINT.committedIndex(id -> acked.getOrDefault(id, 0L)));
        Map<Long, Long> both = Map.of(1L, 9L, 2L, 7L, 4L, 8L, 5L, 8L);
        assertEquals(7, JOINT.committedIndex(id -> both.getOrDefault(id, 0L)));
    }

    @Test
    void aPlainConfigDecidesAsItsIncomingSideAlone() {
        JointConfig plain = JointConfig.of(List.of(1L, 2L, 3L));
        assertFalse(plain.isJoint());
        Map<Long, Long> acked = Map.of(1L, 5L, 2L, 4L);
        assertEquals(4, plain.committedIndex(id -> acked.getOrDefault(id, 0L)));
        assertEquals(VoteResult.WON, plain.voteResult(Map.of(1L, true, 2L, true)));
        assertEquals("(1 2 3)", plain.toString());
    }

    @Test
    void votesNeedBothMajorities() {
        assertTrue(JOINT.isJoint());
        assertEquals("(3 4 5)&&(1 2 3)", JOINT.toString());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), JOINT.ids());
        // Won in (3 4 5) only: pending while (1 2 3) may still win.
        assertEquals(VoteResult.PENDING, JOINT.voteResult(Map.of(3L, true, 4L, true)));
        // Won in both.
        assertEquals(VoteResult.WON, JOINT.voteResult(Map.of(1L, true, 3L, true, 4L, true)));
        // Lost in (1 2 3) although won in (3 4 5): lost.
        assertEquals(VoteResult.LOST, JOINT.voteResult(Map.of(1L, false, 2L, false, 3L, true, 4L, true)));
        // A learner's or stranger's vote counts nowhere.
        assertEquals(VoteResult.PENDING, JOINT.voteResult(Map.of(9L, true, 3L, true)));
    }
}
