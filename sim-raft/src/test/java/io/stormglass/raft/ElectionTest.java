package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgVote;
import io.stormglass.raft.message.MsgVoteResp;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5.1 terms and persistence, §5.2 leader election. */
class ElectionTest {
    private static RaftCluster cluster(int n, boolean preVote) {
        RaftCluster c = new RaftCluster(n, RaftCluster.testConfig(preVote, false), 7);
        c.addChecker(new SafetyChecker());
        return c;
    }

    // §5.2: a candidate that receives votes from a majority becomes leader and asserts authority.
    @Test
    void candidateWithMajorityBecomesLeader() {
        RaftCluster c = cluster(5, false);
        assertEquals(1, c.elect(1));
        for (long id : c.ids()) {
            assertEquals(1, c.node(id).status().hardState().term());
            assertEquals(1, c.node(id).status().softState().leader());
        }
    }

    // §5.2: "the election timeout is chosen randomly from a fixed interval".
    @Test
    void randomizedElectionTimeoutStaysInRange() {
        RaftConfig cfg = RaftConfig.etcdDefaults(1);
        java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
        for (long seed = 0; seed < 300; seed++) {
            RawNode n = new RawNode(cfg, new MemoryStorage(List.of(1L, 2L, 3L)), new SimRandom(seed));
            int t = n.core().randomizedElectionTimeout();
            assertTrue(t >= cfg.electionTick() && t < 2 * cfg.electionTick(), "timeout " + t);
            seen.add(t);
        }
        assertEquals(cfg.electionTick(), seen.size(), "every value in [electionTick, 2·electionTick) occurs");
    }

    // §5.2 / Raft paper §9.3: a range such as 150–155 ms is drawn uniformly over both ends inclusive.
    @Test
    void electionTickRangeIsDrawnUniformlyInclusive() {
        RaftConfig cfg = RaftConfig.etcdDefaults(1).withTicks(150, 75).withElectionTickRange(150, 155);
        int[] counts = new int[6];
        for (long seed = 0; seed < 6000; seed++) {
            RawNode n = new RawNode(cfg, new MemoryStorage(List.of(1L, 2L, 3L)), new SimRandom(seed));
            int t = n.core().randomizedElectionTimeout();
            assertTrue(t >= 150 && t <= 155, "timeout " + t);
            counts[t - 150]++;
        }
        for (int c : counts) {
            assertTrue(c > 850 && c < 1150, "each of the six values about 1000 times: " + java.util.Arrays.toString(counts));
        }
    }

    // Raft paper §9.3's 150–150 ms line: no randomness at all.
    @Test
    void equalBoundsGiveAConstantTimeout() {
        RaftConfig cfg = RaftConfig.etcdDefaults(1).withTicks(150, 75).withElectionTickRange(150, 150);
        for (long seed = 0; seed < 50; seed++) {
            RawNode n = new RawNode(cfg, new MemoryStorage(List.of(1L, 2L, 3L)), new SimRandom(seed));
            assertEquals(150, n.core().randomizedElectionTimeout());
        }
    }

    // etcd-io/raft parity: withTicks keeps [electionTick, 2·electionTick) whatever range was set before.
    @Test
    void withTicksRestoresEtcdRange() {
        RaftConfig cfg = RaftConfig.etcdDefaults(1).withElectionTickRange(10, 10).withTicks(12, 1);
        assertEquals(23, cfg.electionTickMax());
        assertEquals(19, RaftConfig.etcdDefaults(1).electionTickMax());
    }

    // Raft paper Fig. 2: converting to follower on a higher term does not restart the election timer
    // (only the leader or a granted vote does); etcd-io/raft restarts it on every change of term.
    @Test
    void rejectingAnIneligibleCandidateKeepsTheTimerUnderThePapersRuleOnly() {
        for (ElectionTimerRule rule : ElectionTimerRule.values()) {
            MemoryStorage storage = new MemoryStorage(List.of(1L, 2L, 3L));
            storage.append(List.of(io.stormglass.raft.log.Entry.normal(1, 1, null)));
            storage.setHardState(new HardState(1, 0, 0));
            RaftConfig cfg = RaftConfig.etcdDefaults(3).withPreVote(false).withCheckQuorum(false).withElectionTimerRule(rule);
            RawNode n = new RawNode(cfg, storage, new SimRandom(5));
            int timeout = n.core().randomizedElectionTimeout();
            for (int i = 0; i < timeout - 2; i++) {
                n.tick();
            }
            // §5.4.1: a candidate of term 5 whose log is behind ours: we adopt its term and refuse the vote
            n.step(new MsgVote(2, 3, 5, 0, 0, false));
            assertEquals(5, n.core().term());
            assertEquals(StateRole.FOLLOWER, n.core().state());
            n.tick();
            n.tick();
            boolean campaigned = n.core().state() == StateRole.CANDIDATE;
            assertEquals(rule == ElectionTimerRule.RAFT_PAPER, campaigned,
                    rule + (campaigned ? ": timed out when it would have" : ": restarted its timeout on the new term"));
        }
    }

    // §5.2: a follower that hears nothing for an election timeout starts an election.
    @Test
    void followerCampaignsAfterElectionTimeout() {
        RaftCluster c = cluster(3, false);
        int timeout = c.node(2).core().randomizedElectionTimeout();
        c.tick(2, timeout - 1);
        assertEquals(StateRole.FOLLOWER, c.node(2).core().state());
        c.tick(2, 1);
        assertEquals(StateRole.CANDIDATE, c.node(2).core().state());
        assertEquals(1, c.node(2).core().term());
    }

    // §5.2: each server votes for at most one candidate in a term, first-come-first-served.
    @Test
    void votesOncePerTerm() {
        RaftCluster c = cluster(3, false);
        RawNode voter = c.node(3);
        voter.step(new MsgVote(1, 3, 1, 0, 0, false));
        voter.step(new MsgVote(2, 3, 1, 0, 0, false));
        Ready rd = voter.ready();
        List<Message> out = rd.messagesAfterPersist();
        assertEquals(List.of(new MsgVoteResp(3, 1, 1, false), new MsgVoteResp(3, 2, 1, true)), out);
        assertEquals(new HardState(1, 1, 0), rd.hardState());
        assertTrue(rd.mustSync(), "a vote must be fsynced before the grant is sent (§5.1)");
    }

    // §5.1: a server that sees a higher term adopts it and reverts to follower.
    @Test
    void leaderStepsDownOnHigherTerm() {
        RaftCluster c = cluster(3, false);
        c.elect(1);
        c.node(1).step(new MsgApp(2, 1, 5, 0, 0, List.of(), 0));
        assertEquals(StateRole.FOLLOWER, c.node(1).core().state());
        assertEquals(5, c.node(1).core().term());
        assertEquals(2, c.node(1).core().lead());
    }

    // §5.1: requests with a stale term are rejected (ignored).
    @Test
    void staleTermMessagesAreIgnored() {
        RaftCluster c = cluster(3, false);
        c.elect(1);
        c.elect(2);
        long commitBefore = c.node(3).core().log().committed();
        c.node(3).step(new MsgApp(1, 3, 1, 1, 1, List.of(io.stormglass.raft.log.Entry.normal(1, 2, new byte[] {1})), 2));
        assertEquals(commitBefore, c.node(3).core().log().committed());
        assertEquals(2, c.node(3).core().lead());
    }

    // §5.2: split votes are resolved by randomized timeouts.
    @Test
    void splitVoteResolves() {
        RaftCluster c = cluster(3, false);
        for (long id : c.ids()) {
            c.campaign(id);
        }
        c.stabilize();
        assertTrue(c.leaders().isEmpty(), "everyone voted for itself");
        c.elapse(30);
        assertEquals(1, c.leaders().size());
    }

    // §5.1 persistence: term and vote survive a crash, so a restarted voter cannot vote twice.
    @Test
    void voteSurvivesCrashRestart() {
        RaftCluster c = cluster(3, false);
        c.campaign(1);
        c.processReady(1);
        c.deliverAll(3);
        c.processReady(3);
        c.crash(3);
        c.restart(3);
        assertEquals(1, c.node(3).core().term());
        assertEquals(new HardState(1, 1, 0), c.get(3).storage().initialState().hardState());
        c.node(3).step(new MsgVote(2, 3, 1, 0, 0, false));
        Ready rd = c.node(3).ready();
        assertEquals(List.of(new MsgVoteResp(3, 2, 1, true)), rd.messagesAfterPersist());
    }

    // §5.2: a candidate that learns of a leader of its term becomes a follower.
    @Test
    void candidateFollowsLeaderOfSameTerm() {
        RaftCluster c = cluster(3, false);
        c.campaign(1);
        c.campaign(2);
        assertEquals(1, c.node(2).core().term());
        c.node(2).step(new MsgApp(1, 2, 1, 0, 0, List.of(), 0));
        assertEquals(StateRole.FOLLOWER, c.node(2).core().state());
        assertEquals(1, c.node(2).core().lead());
        assertFalse(c.node(2).status().softState().role() == StateRole.CANDIDATE);
    }
}
