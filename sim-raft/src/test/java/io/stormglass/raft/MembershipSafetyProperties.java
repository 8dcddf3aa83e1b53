package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.RaftSafetyProperties.Kind;
import io.stormglass.raft.RaftSafetyProperties.Step;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.harness.SimNode;
import io.stormglass.raft.log.Bytes;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeTransition;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfChangeV2;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Raft's safety properties (§5.4, checked by {@link SafetyChecker} after every step) while the
 * membership changes (thesis §4: single-server changes, learners, joint consensus, removing the leader),
 * under the same random schedules as {@link RaftSafetyProperties}: five members are running, three of
 * them the initial voters, and changes among all five are proposed anywhere at any time. Then liveness:
 * once the schedule heals (members that applied their own removal stopped, as etcd stops them), a
 * proposal commits on every member of the final configuration. Tries: {@code -Draft.properties.tries=N}.
 */
class MembershipSafetyProperties {
    private static final int LIVENESS_ROUNDS = 600;

    record Setup(boolean preVote, boolean checkQuorum, boolean stepDown, long seed) {
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void safeWhileMembershipChanges(@ForAll("setups") Setup setup, @ForAll("schedules") List<Step> schedule) {
        RaftConfig cfg = RaftCluster.testConfig(setup.preVote(), setup.checkQuorum()).withTicks(6, 1)
                .withFlowControl(64, 4).withStepDownOnRemoval(setup.stepDown());
        RaftCluster c = new RaftCluster(3, cfg, setup.seed());
        c.addMember(4, ConfState.ofVoters(List.of(1L, 2L, 3L)));
        c.addMember(5, ConfState.ofVoters(List.of(1L, 2L, 3L)));
        SafetyChecker checker = new SafetyChecker();
        c.addChecker(checker);
        int proposals = 0;
        int changes = 0;
        for (Step s : schedule) {
            if (s.kind() == Kind.TRANSFER && s.b() >= 32) {
                c.proposeConfChange(1 + Math.floorMod(s.a(), 5), change(s.b() - 32, s.a()));
                changes++;
            } else {
                proposals += RaftSafetyProperties.apply(c, s, proposals);
            }
        }
        Statistics.label("changes proposed").collect(changes == 0 ? "0" : changes < 5 ? "1-4" : "5+");
        TrackerConfig latest = latestConfig(c);
        Statistics.label("final configuration").collect(latest == null ? "all down" : latest.toString());
        RaftSafetyProperties.heal(c);
        assertLiveness(c);
        assertTrue(checker.checks() > 0, "the checker observed the run");
    }

    /** A change drawn from {@code code} (0..31) about member {@code 1 + target mod 5}. */
    static ConfChangeRequest change(int code, int target) {
        long id = 1 + Math.floorMod(target + code, 5);
        long other = 1 + Math.floorMod(target + code + 1, 5);
        return switch (code % 8) {
            case 0, 1 -> new ConfChange(ConfChangeType.ADD_NODE, id);
            case 2 -> new ConfChange(ConfChangeType.ADD_LEARNER_NODE, id);
            case 3 -> new ConfChange(ConfChangeType.REMOVE_NODE, id);
            case 4 -> new ConfChangeV2(ConfChangeTransition.AUTO, List.of(
                    new ConfChangeSingle(ConfChangeType.REMOVE_NODE, id), new ConfChangeSingle(ConfChangeType.ADD_NODE, other)));
            case 5 -> new ConfChangeV2(ConfChangeTransition.JOINT_EXPLICIT, List.of(
                    new ConfChangeSingle(ConfChangeType.ADD_LEARNER_NODE, id)));
            case 6 -> new ConfChangeV2(ConfChangeTransition.JOINT_IMPLICIT, List.of(
                    new ConfChangeSingle(ConfChangeType.ADD_NODE, id), new ConfChangeSingle(ConfChangeType.ADD_NODE, other)));
            default -> ConfChangeV2.LEAVE_JOINT;
        };
    }

    /** The configuration of the up member that applied the most (the latest in force anywhere); null if all are down. */
    private static TrackerConfig latestConfig(RaftCluster c) {
        return c.members().stream().filter(SimNode::isUp)
                .max(Comparator.comparingLong((SimNode m) -> m.node().core().log().applied()).thenComparingLong(m -> -m.id()))
                .map(m -> m.node().status().config()).orElse(null);
    }

    private static boolean member(TrackerConfig cfg, long id) {
        return cfg.voters().contains(id) || cfg.isLearner(id);
    }

    /**
     * Liveness: members removed by the latest configuration are stopped, and started again if a later
     * configuration adds them back. etcd's server stops itself when it applies its removal, and a removed
     * member that never learned of it is told by its former peers: rafthttp answers its stream with 410 Gone
     * and it stops ("the member has been permanently removed from the cluster"). Without that, such a member
     * campaigns forever (thesis §4.2.3), or, left a leader of an old term without CheckQuorum or PreVote,
     * stays one: the members of the new configuration no longer write to it and ignore its lower term; the application
     * snapshots now and then (so a member added after the last snapshot can be caught up by one that
     * names it); an explicit joint configuration is left by the application; a leader emerges, and a
     * proposal, re-proposed to each new leader term, is applied by every member of the final configuration.
     */
    private static void assertLiveness(RaftCluster c) {
        long proposedInTerm = -1;
        for (int round = 0; round < LIVENESS_ROUNDS; round++) {
            TrackerConfig latest = latestConfig(c);
            for (SimNode m : c.members()) {
                boolean inLatest = latest != null && member(latest, m.id());
                if (m.isUp() && wasMember(m) && !inLatest) {
                    c.crash(m.id());
                } else if (!m.isUp() && inLatest) {
                    c.restart(m.id());
                }
            }
            c.ids().forEach(id -> c.tick(id, 1));
            c.stabilize();
            List<Long> leaders = c.leaders();
            if (leaders.size() != 1) {
                continue;
            }
            long leader = leaders.get(0);
            if (round % 50 == 49) {
                SimNode l = c.get(leader);
                c.compact(leader, l.applied().size() - 1);
                if (l.node().status().config().isJoint()) {
                    c.proposeConfChange(leader, ConfChangeV2.LEAVE_JOINT);
                }
            }
            long term = c.node(leader).core().term();
            if (term != proposedInTerm && c.propose(leader, "final") == null) {
                proposedInTerm = term;
            }
            TrackerConfig cfg = c.node(leader).status().config();
            if (proposedInTerm >= 0 && c.members().stream().filter(m -> member(cfg, m.id()))
                    .allMatch(MembershipSafetyProperties::appliedFinal)) {
                return;
            }
        }
        throw new AssertionError("liveness: no proposal applied by every member within " + LIVENESS_ROUNDS
                + " rounds after healing; leaders=" + c.leaders() + " " + c.ids().stream()
                .map(id -> c.status(id) + (c.get(id).isUp() ? " " + c.node(id).status().config() : "")).toList());
    }

    /** Whether {@code m} was a member by some configuration it applied (a member still waiting to join was not). */
    private static boolean wasMember(SimNode m) {
        return m.confStates().values().stream().anyMatch(cs -> cs.contains(m.id()));
    }

    private static boolean appliedFinal(SimNode n) {
        if (!n.isUp()) {
            return false;
        }
        for (Entry e : n.applied()) {
            if (Bytes.show(e.data()).equals("final")) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.longs().between(1, 1_000_000)).as(Setup::new);
    }

    /** The schedules of {@link RaftSafetyProperties}, where TRANSFER with b &gt;= 32 proposes a membership change. */
    @Provide
    Arbitrary<List<Step>> schedules() {
        return RaftSafetyProperties.faultSchedules(8, 2, 8);
    }
}
