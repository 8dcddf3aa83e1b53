package io.stormglass.raft;

import static io.stormglass.raft.MembershipChangeTest.GENESIS;
import static io.stormglass.raft.MembershipChangeTest.change;
import static io.stormglass.raft.MembershipChangeTest.cluster;
import static io.stormglass.raft.MembershipChangeTest.commitsWith;
import static io.stormglass.raft.MembershipChangeTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeTransition;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfChangeV2;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joint consensus at the RawNode level (thesis §4.3, etcd-io/raft {@code ConfChangeV2}): both majorities
 * decide while joint, the joint configuration is left automatically or explicitly, and a member does not
 * campaign in a configuration it has not applied yet.
 */
class JointConsensusTest {
    private static ConfChangeSingle voter(long id) {
        return new ConfChangeSingle(ConfChangeType.ADD_NODE, id);
    }

    private static ConfChangeSingle removal(long id) {
        return new ConfChangeSingle(ConfChangeType.REMOVE_NODE, id);
    }

    /** The change entries of {@code id}'s log, in etcd's short form. */
    private static List<String> changesInLog(RaftCluster c, long id) {
        return c.node(id).core().log().allEntries().stream().filter(e -> e.type().isConfChange())
                .map(e -> ConfChanges.decode(e).toString()).toList();
    }

    // §4.3: while joint, an entry commits only with a majority of C_old and a majority of C_new.
    @Test
    void whileJointBothMajoritiesAreNeeded() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        c.addMember(5, GENESIS);
        change(c, 1, new ConfChangeV2(ConfChangeTransition.JOINT_EXPLICIT, List.of(voter(4), voter(5), removal(2),
                removal(3))));
        assertEquals("voters=(1 4 5)&&(1 2 3)", config(c, 1));
        assertEquals("voters=(1 4 5)&&(1 2 3)", config(c, 5));
        assertFalse(commitsWith(c, 1, List.of(List.of(1L, 4L, 5L), List.of(2L, 3L)), "new-only"), "C_new alone");
        assertFalse(commitsWith(c, 1, List.of(List.of(1L, 2L, 3L), List.of(4L, 5L)), "old-only"), "C_old alone");
        assertTrue(commitsWith(c, 1, List.of(List.of(1L, 2L, 4L), List.of(3L, 5L)), "both"), "2 of each");

        // Explicit: joint until the application proposes leaving; then C_new alone decides.
        assertEquals("voters=(1 4 5)&&(1 2 3)", config(c, 1));
        change(c, 1, ConfChangeV2.LEAVE_JOINT);
        assertEquals("voters=(1 4 5)", config(c, 4));
        assertTrue(commitsWith(c, 1, List.of(List.of(1L, 4L), List.of(2L, 3L, 5L)), "new-majority"));
    }

    // §4.3 "once C_old,new has been committed, ... the leader creates a log entry describing C_new": with
    // the AUTO (and JOINT_IMPLICIT) transition the leader proposes it by itself once it applied the joint entry.
    @Test
    void theLeaderLeavesAJointConfigurationByItself() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        c.addMember(5, GENESIS);
        change(c, 1, new ConfChangeV2(ConfChangeTransition.AUTO, List.of(voter(4), voter(5))));
        for (long id : c.ids()) {
            assertEquals("voters=(1 2 3 4 5)", config(c, id), "member " + id);
        }
        assertEquals(List.of("v4 v5", "leave-joint"), changesInLog(c, 1));

        // One change asked to go through joint consensus: it does, and leaves it by itself too.
        change(c, 1, new ConfChangeV2(ConfChangeTransition.JOINT_IMPLICIT, List.of(removal(5))));
        assertEquals("voters=(1 2 3 4)", config(c, 3));
        assertEquals(List.of("v4 v5", "leave-joint", "r5 JOINT_IMPLICIT", "leave-joint"), changesInLog(c, 1));
    }

    // §4.3: while joint no second change starts, and there is nothing to leave when not joint: both are
    // appended as empty normal entries (etcd-io/raft's screening), leaving the configuration as it is.
    @Test
    void invalidTransitionsAreAppendedAsEmptyEntries() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        change(c, 1, ConfChangeV2.LEAVE_JOINT);
        assertEquals("voters=(1 2 3)", config(c, 1));
        change(c, 1, new ConfChangeV2(ConfChangeTransition.JOINT_EXPLICIT, List.of(voter(4))));
        assertEquals("voters=(1 2 3 4)&&(1 2 3)", config(c, 1));
        change(c, 1, new ConfChangeV2(ConfChangeTransition.AUTO, List.of(removal(2))));
        assertEquals("voters=(1 2 3 4)&&(1 2 3)", config(c, 1));
        assertEquals(List.of("v4 JOINT_EXPLICIT"), changesInLog(c, 1));
        Entry last = c.node(1).core().log().allEntries().get((int) c.node(1).core().log().lastIndex() - 1);
        assertEquals(EntryType.NORMAL, last.type());
    }

    // Thesis §4.2.2 with §4.3: replacing the leader through joint consensus. It still leads the joint
    // configuration (it is an outgoing voter), then steps down once C_new, without it, is applied.
    @Test
    void replacingTheLeaderThroughJointConsensus() {
        RaftCluster c = cluster(RaftCluster.testConfig(true, true).withStepDownOnRemoval(true));
        c.addMember(4, GENESIS);
        change(c, 1, new ConfChangeV2(ConfChangeTransition.AUTO, List.of(removal(1), voter(4))));
        assertEquals("voters=(2 3 4)", config(c, 4));
        assertEquals(StateRole.FOLLOWER, c.node(1).core().state());
        assertEquals(List.of("r1 v4", "leave-joint"), changesInLog(c, 2));
        c.partition(List.of(List.of(1L), List.of(2L, 3L, 4L)));
        c.elapse(40);
        assertEquals(1, c.leaders().size());
        assertTrue(c.leaders().get(0) != 1);
    }

    // etcd-io/raft: a member with a committed but unapplied configuration change does not campaign, since
    // it would campaign under a configuration that is already outdated.
    @Test
    void noCampaignWhileACommittedChangeIsUnapplied() {
        RaftCluster c = cluster(RaftCluster.testConfig(true, false));
        c.addMember(4, GENESIS);
        assertNull(c.proposeConfChange(1, new ConfChangeV2(ConfChangeTransition.AUTO, List.of(
                new ConfChangeSingle(ConfChangeType.ADD_LEARNER_NODE, 4)))));
        c.processReady(1);
        c.deliverAll(0);
        c.processReady(2);
        c.processReady(3);
        c.deliverAll(1);
        c.processReady(1);
        c.deliverAll(2);
        assertTrue(c.beginReady(2), "2 learns the commit");
        assertTrue(c.node(2).core().log().hasUnappliedConfChanges());
        c.campaign(2);
        assertEquals(StateRole.FOLLOWER, c.node(2).core().state(), "the change is committed but not applied");
        c.finishReady(2);
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 2));
        c.campaign(2);
        assertEquals(StateRole.PRE_CANDIDATE, c.node(2).core().state());
    }
}
