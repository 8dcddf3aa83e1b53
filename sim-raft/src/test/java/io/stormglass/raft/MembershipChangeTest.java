package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.VoteRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-server membership changes at the RawNode level (thesis §4.1, §4.2): adding and removing voters,
 * learners, promotion, removing the leader, one change at a time. A change takes effect when the
 * application applies its entry (etcd-io/raft), which {@link RaftCluster} does for every member.
 */
class MembershipChangeTest {
    static final ConfState GENESIS = ConfState.ofVoters(List.of(1L, 2L, 3L));

    static RaftCluster cluster(RaftConfig cfg) {
        RaftCluster c = new RaftCluster(3, cfg, 7);
        c.addChecker(new SafetyChecker());
        assertEquals(1, c.elect(1));
        return c;
    }

    static RaftCluster cluster() {
        return cluster(RaftCluster.testConfig(true, false));
    }

    static String config(RaftCluster c, long id) {
        return c.node(id).status().config().toString();
    }

    static void change(RaftCluster c, long at, ConfChangeRequest cc) {
        assertNull(c.proposeConfChange(at, cc));
        c.stabilize();
    }

    static long committed(RaftCluster c, long id) {
        return c.node(id).core().log().committed();
    }

    /** Proposes {@code data} at the leader under {@code groups} and returns whether it committed there. */
    static boolean commitsWith(RaftCluster c, long leader, List<List<Long>> groups, String data) {
        c.heal();
        c.elapse(2);
        c.partition(groups);
        long last = c.node(leader).core().log().lastIndex() + 1;
        assertNull(c.propose(leader, data));
        c.stabilize();
        boolean ok = committed(c, leader) >= last;
        c.heal();
        c.elapse(2);
        return ok;
    }

    // §4.1: the change is in force only once applied; then the new member counts in the quorum.
    @Test
    void anAddedVoterCountsOnceItsChangeIsApplied() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        assertTrue(commitsWith(c, 1, List.of(List.of(1L, 2L), List.of(3L, 4L)), "old-quorum"),
                "before the change 2 of 3 commit");
        assertNull(c.proposeConfChange(1, new ConfChange(ConfChangeType.ADD_NODE, 4)));
        c.processReady(1);
        assertEquals("voters=(1 2 3)", config(c, 1), "appended, not yet applied");
        c.stabilize();
        for (long id : c.ids()) {
            assertEquals("voters=(1 2 3 4)", config(c, id), "member " + id);
        }
        assertTrue(!commitsWith(c, 1, List.of(List.of(1L, 2L), List.of(3L, 4L)), "x"), "2 of 4 is no majority");
        assertTrue(commitsWith(c, 1, List.of(List.of(1L, 2L, 4L), List.of(3L)), "y"), "3 of 4 is");
        assertEquals(c.node(1).core().log().lastIndex(), c.node(4).core().log().lastIndex());
    }

    // §4.2.1: a learner receives the log but neither counts toward commitment nor campaigns nor is asked to vote.
    @Test
    void aLearnerIsReplicatedToButNeverCounted() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 1));
        assertTrue(c.node(1).status().progress().get(4L).learner());
        c.commit(1, "a");
        assertEquals(committed(c, 1), committed(c, 4), "the learner applies what is committed");
        assertTrue(!commitsWith(c, 1, List.of(List.of(1L, 4L), List.of(2L, 3L)), "b"), "the learner's ack does not count");
        assertEquals(c.node(1).core().log().lastIndex(), c.node(4).core().log().lastIndex(), "although it holds the entry");

        long term = c.node(4).core().term();
        c.partition(List.of(List.of(4L), List.of(1L, 2L, 3L)));
        c.tick(4, 100);
        c.campaign(4);
        c.stabilize();
        assertEquals(StateRole.FOLLOWER, c.node(4).core().state(), "a learner never campaigns");
        assertEquals(term, c.node(4).core().term());

        c.heal();
        c.campaign(2);
        c.processReady(2);
        List<Message> votes = c.inflight().stream().filter(m -> m instanceof VoteRequest).toList();
        assertEquals(List.of(1L, 3L), votes.stream().map(Message::to).toList(), "only voters are asked");
    }

    // §4.2.1: a caught-up learner is promoted, and from then on its acknowledgement is needed.
    @Test
    void aPromotedLearnerCounts() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        assertTrue(commitsWith(c, 1, List.of(List.of(1L, 2L), List.of(3L, 4L)), "learner"));
        change(c, 1, new ConfChange(ConfChangeType.ADD_NODE, 4));
        assertEquals("voters=(1 2 3 4)", config(c, 4));
        assertTrue(!commitsWith(c, 1, List.of(List.of(1L, 2L), List.of(3L, 4L)), "voter"));
        c.transfer(1, 4);
        c.stabilize();
        assertEquals(List.of(4L), c.leaders(), "a voter may take over leadership");
    }

    // Thesis §3.10 with §4.2.1: leadership is never handed to a learner (it could not campaign).
    @Test
    void leadershipIsNotTransferredToALearner() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        c.transfer(1, 4);
        assertEquals(Message.NONE, c.node(1).status().leadTransferee());
        c.stabilize();
        assertEquals(List.of(1L), c.leaders());
    }

    // §4.2.2: a removed leader steps down once the change is applied (StepDownOnRemoval) and the others elect
    // a leader among themselves; the removed member can neither campaign nor propose.
    @Test
    void aRemovedLeaderStepsDown() {
        RaftCluster c = cluster(RaftCluster.testConfig(true, true).withStepDownOnRemoval(true));
        change(c, 1, new ConfChange(ConfChangeType.REMOVE_NODE, 1));
        assertEquals(StateRole.FOLLOWER, c.node(1).core().state());
        assertEquals("voters=(2 3)", config(c, 2));
        long term = c.node(1).core().term();
        c.campaign(1);
        c.stabilize();
        assertEquals(term, c.node(1).core().term(), "not a voter: no campaign");
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        c.elapse(40);
        List<Long> leaders = c.leaders();
        assertEquals(1, leaders.size());
        assertTrue(leaders.get(0) == 2 || leaders.get(0) == 3, "new leader " + leaders);
        c.commit(leaders.get(0), "after");
        assertNotNull(c.propose(1, "from the removed member"));
    }

    // etcd-io/raft without StepDownOnRemoval: the removed leader leads on but counts itself no more and
    // accepts no proposal (etcd's server stops such a member).
    @Test
    void withoutStepDownARemovedLeaderLeadsOnWithoutProposing() {
        RaftCluster c = cluster();
        change(c, 1, new ConfChange(ConfChangeType.REMOVE_NODE, 1));
        assertEquals(StateRole.LEADER, c.node(1).core().state());
        String err = c.propose(1, "x");
        assertNotNull(err);
        assertTrue(err.contains("NOT_A_MEMBER"), err);
    }

    // §4.1: one change at a time. A second proposed before the first is applied is appended as an empty
    // normal entry (etcd-io/raft: "possible unapplied conf change"); once the first is applied, it is accepted.
    @Test
    void aSecondChangeWhileOneIsPendingChangesNothing() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        c.addMember(5, GENESIS);
        assertNull(c.proposeConfChange(1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4)));
        assertNull(c.proposeConfChange(1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 5)));
        c.stabilize();
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 1));
        List<Entry> log = c.node(1).core().log().allEntries();
        Entry second = log.get(log.size() - 1);
        assertEquals(EntryType.NORMAL, second.type());
        assertEquals(0, second.data().length);
        assertEquals(EntryType.CONF_CHANGE, log.get(log.size() - 2).type());
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 5));
        assertEquals("voters=(1 2 3) learners=(4 5)", config(c, 5));
    }

    // A new leader cannot tell whether its log holds an unapplied change: it accepts none until it has
    // applied its whole log as of its election (etcd-io/raft sets pendingConfIndex to its last index).
    @Test
    void aNewLeaderWaitsForItsLogToBeApplied() {
        RaftCluster c = cluster(RaftCluster.testConfig(false, false));
        c.addMember(4, GENESIS);
        assertNull(c.propose(1, "unapplied"));
        c.processReady(1);
        c.deliverAll(2);
        c.processReady(2);
        c.crash(1);
        c.campaign(2);
        c.processReady(2);
        c.deliverAll(3);
        c.processReady(3);
        c.deliverAll(2);
        assertEquals(StateRole.LEADER, c.node(2).core().state());
        assertTrue(c.node(2).core().log().applied() < c.node(2).core().log().lastIndex());
        assertNull(c.proposeConfChange(2, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4)));
        c.stabilize();
        assertEquals("voters=(1 2 3)", config(c, 2), "refused while the election-time log was unapplied");
        change(c, 2, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 2));
    }
}
