package io.stormglass.raft.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry encoding of configuration changes and etcd-io/raft's V2 transition rules. */
class ConfChangesTest {
    @Test
    void bothEncodingsRoundTripWithTheirContext() {
        ConfChange v1 = new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 42, Bytes.utf8("{\"name\":\"m4\"}"));
        Entry e1 = ConfChanges.toEntry(v1);
        assertEquals(EntryType.CONF_CHANGE, e1.type());
        assertEquals(v1, ConfChanges.decode(e1));
        ConfChangeV2 v2 = new ConfChangeV2(ConfChangeTransition.JOINT_EXPLICIT, List.of(
                new ConfChangeSingle(ConfChangeType.ADD_NODE, 4), new ConfChangeSingle(ConfChangeType.REMOVE_NODE, 1)),
                Bytes.utf8("ctx"));
        Entry e2 = ConfChanges.toEntry(v2);
        assertEquals(EntryType.CONF_CHANGE_V2, e2.type());
        assertEquals(v2, ConfChanges.decode(e2));
    }

    @Test
    void leavingJointIsTheEmptyPayload() {
        Entry e = ConfChanges.toEntry(ConfChangeV2.LEAVE_JOINT);
        assertEquals(0, e.payloadBytes(), "costs nothing against the proposal budget");
        assertEquals(ConfChangeV2.LEAVE_JOINT, ConfChanges.decode(EntryType.CONF_CHANGE_V2, new byte[0]));
        assertTrue(ConfChangeV2.LEAVE_JOINT.leavesJoint());
    }

    @Test
    void malformedPayloadsAndNormalEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfChanges.decode(EntryType.CONF_CHANGE, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> ConfChanges.decode(EntryType.CONF_CHANGE_V2,
                new byte[] {0, 5, 0, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ConfChanges.decode(Entry.normal(1, 1, new byte[9])));
    }

    // etcd-io/raft's EnterJoint/LeaveJoint: one change under AUTO is direct (thesis §4.1); more, or an
    // explicit joint transition, go through joint consensus (§4.3), left automatically unless EXPLICIT.
    @Test
    void transitions() {
        ConfChangeSingle a = new ConfChangeSingle(ConfChangeType.ADD_NODE, 4);
        ConfChangeSingle b = new ConfChangeSingle(ConfChangeType.ADD_NODE, 5);
        ConfChangeV2 single = new ConfChangeV2(ConfChangeTransition.AUTO, List.of(a));
        assertFalse(single.entersJoint());
        assertFalse(single.leavesJoint());
        ConfChangeV2 two = new ConfChangeV2(ConfChangeTransition.AUTO, List.of(a, b));
        assertTrue(two.entersJoint());
        assertTrue(two.leavesJointAutomatically());
        ConfChangeV2 implicit = new ConfChangeV2(ConfChangeTransition.JOINT_IMPLICIT, List.of(a));
        assertTrue(implicit.entersJoint());
        assertTrue(implicit.leavesJointAutomatically());
        ConfChangeV2 explicit = new ConfChangeV2(ConfChangeTransition.JOINT_EXPLICIT, List.of());
        assertTrue(explicit.entersJoint());
        assertFalse(explicit.leavesJointAutomatically());
        assertFalse(explicit.leavesJoint(), "an explicit empty change enters joint, it does not leave");
        assertEquals(single, new ConfChange(ConfChangeType.ADD_NODE, 4).asV2());
    }
}
