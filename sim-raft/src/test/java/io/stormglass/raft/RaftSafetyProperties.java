package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.harness.SimNode;
import io.stormglass.raft.log.Bytes;
import io.stormglass.raft.log.Entry;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * Raft's safety properties (§5.4: election safety, log matching, committed entries never change,
 * leader completeness, state-machine safety, no stale ReadIndex answer) under random schedules of ticks, Ready processing
 * (including leaders and followers that send before persisting, thesis §10.2.1), delivery in any
 * order, drops, duplicates, partitions, crash-restarts, compactions, reads and transfers, for 3- and
 * 5-member groups; and liveness: once the schedule heals, a proposal commits on every member.
 *
 * <p>The number of tries comes from {@code -Draft.properties.tries=N} (default 150, see the pom).
 */
class RaftSafetyProperties {
    enum Kind { ROUND, READY_ALL, TICK, TICK_ALL, READY, BEGIN, FINISH, DELIVER, DELIVER_ALL, DROP, DUP, PARTITION, HEAL, CRASH,
        RESTART, PROPOSE, CAMPAIGN, COMPACT, READ, TRANSFER }

    record Step(Kind kind, int a, int b) {
        @Override
        public String toString() {
            return kind + "(" + a + "," + b + ")";
        }
    }

    record Setup(int size, boolean preVote, boolean checkQuorum, long maxSizePerMsg, long seed) {
    }

    private static final int LIVENESS_ROUNDS = 400;

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void safeUnderAnySchedule(@ForAll("setups") Setup setup, @ForAll("schedules") List<Step> schedule) {
        RaftConfig cfg = RaftCluster.testConfig(setup.preVote(), setup.checkQuorum()).withTicks(6, 1)
                .withFlowControl(setup.maxSizePerMsg(), 4);
        RaftCluster c = new RaftCluster(setup.size(), cfg, setup.seed());
        SafetyChecker checker = new SafetyChecker();
        c.addChecker(checker);
        int proposals = 0;
        for (Step s : schedule) {
            proposals += apply(c, s, proposals);
        }
        Statistics.label("reads answered").collect(bucket(c.members().stream().mapToLong(m -> m.readStates().size()).sum()));
        Statistics.label("entries committed during the schedule").collect(bucket(checker.committed().size()));
        Statistics.label("terms with a leader").collect(bucket(checker.leaderTerms()));
        Statistics.label("highest term").collect(bucket(maxTerm(c)));
        heal(c);
        assertLiveness(c);
        assertTrue(checker.checks() > 0, "the checker observed the run");
    }

    /**
     * Thesis §6.4.1: lease-based reads are never stale while clocks run at the same rate. Every member
     * ticks together (a lone TICK becomes TICK_ALL: drift zero, within any bound); everything else —
     * delays, loss, partitions, crash-restarts, transfers, forced campaigns — stays arbitrary. The
     * cluster's read check fails any answer below a commit index some member knew when the read was
     * requested, which includes every commit made by a later leader.
     */
    @Property(shrinking = ShrinkingMode.BOUNDED)
    void leaseReadsAreNotStaleWhenClocksAgree(@ForAll("setups") Setup setup, @ForAll("leaseSchedules") List<Step> schedule) {
        RaftConfig cfg = RaftCluster.testConfig(setup.preVote(), true).withTicks(6, 1)
                .withFlowControl(setup.maxSizePerMsg(), 4).withReadOnlyOption(ReadOnlyOption.LEASE_BASED);
        RaftCluster c = new RaftCluster(setup.size(), cfg, setup.seed());
        SafetyChecker checker = new SafetyChecker();
        c.addChecker(checker);
        int proposals = 0;
        for (Step s : schedule) {
            proposals += apply(c, s.kind() == Kind.TICK ? new Step(Kind.TICK_ALL, s.a(), s.b()) : s, proposals);
        }
        Statistics.label("lease reads answered").collect(bucket(c.members().stream().mapToLong(m -> m.readStates().size()).sum()));
        heal(c);
        assertLiveness(c);
    }

    static int apply(RaftCluster c, Step s, int proposals) {
        long n = 1 + Math.floorMod(s.a(), c.ids().size());
        int queued = c.inflight().size();
        switch (s.kind()) {
            case ROUND -> {
                c.ids().forEach(id -> c.tick(id, 1));
                c.processReadyAll();
                c.deliverAll(0);
            }
            case READY_ALL -> c.processReadyAll();
            case TICK -> c.tick(n, 1);
            case TICK_ALL -> c.ids().forEach(id -> c.tick(id, 1));
            case READY -> c.processReady(n);
            case BEGIN -> c.beginReady(n);
            case FINISH -> c.finishReady(n);
            case DELIVER -> {
                if (queued > 0) {
                    c.deliverAt(Math.floorMod(s.b(), queued));
                }
            }
            case DELIVER_ALL -> c.deliverAll(0);
            case DROP -> {
                if (queued > 0) {
                    c.dropAt(Math.floorMod(s.b(), queued));
                }
            }
            case DUP -> {
                if (queued > 0) {
                    c.duplicateAt(Math.floorMod(s.b(), queued));
                }
            }
            case PARTITION -> {
                List<Long> a = c.ids().stream().filter(id -> ((s.b() >> (id - 1)) & 1) == 1).toList();
                List<Long> b = c.ids().stream().filter(id -> !a.contains(id)).toList();
                c.partition(List.of(a, b));
            }
            case HEAL -> c.heal();
            case CRASH -> c.crash(n);
            case RESTART -> c.restart(n);
            case PROPOSE -> {
                c.propose(n, "p" + proposals);
                return 1;
            }
            case CAMPAIGN -> c.campaign(n);
            case COMPACT -> {
                SimNode node = c.get(n);
                if (node.isUp()) {
                    c.compact(n, node.applied().size() - 1);
                }
            }
            case READ -> {
                c.readIndex(n, "r" + proposals);
                return 1;
            }
            case TRANSFER -> c.transfer(n, 1 + Math.floorMod(s.b(), c.ids().size()));
        }
        return 0;
    }

    private static String bucket(long n) {
        return n == 0 ? "0" : n < 5 ? "1-4" : n < 20 ? "5-19" : "20+";
    }

    private static long maxTerm(RaftCluster c) {
        return c.members().stream().filter(SimNode::isUp).mapToLong(m -> m.node().core().term()).max().orElse(0);
    }

    static void heal(RaftCluster c) {
        c.heal();
        for (long id : c.ids()) {
            c.restart(id);
            c.finishReady(id);
        }
    }

    /**
     * Liveness: with a healed network and ticking clocks, a leader emerges and a proposal commits on
     * every member. A proposal may legitimately be lost when leadership changes before it commits, so
     * it is re-proposed to each new leader term (as a client would retry).
     */
    private static void assertLiveness(RaftCluster c) {
        long proposedInTerm = -1;
        for (int round = 0; round < LIVENESS_ROUNDS; round++) {
            c.ids().forEach(id -> c.tick(id, 1));
            c.stabilize();
            List<Long> leaders = c.leaders();
            if (leaders.size() == 1) {
                long term = c.node(leaders.get(0)).core().term();
                if (term != proposedInTerm && c.propose(leaders.get(0), "final") == null) {
                    proposedInTerm = term;
                }
            }
            if (proposedInTerm >= 0 && c.members().stream().allMatch(RaftSafetyProperties::appliedFinal)) {
                return;
            }
        }
        throw new AssertionError("liveness: no proposal committed on all members within " + LIVENESS_ROUNDS
                + " rounds after healing; leaders=" + c.leaders() + " " + c.ids().stream().map(c::status).toList());
    }

    private static boolean appliedFinal(SimNode n) {
        for (Entry e : n.applied()) {
            if (Bytes.show(e.data()).equals("final")) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(Arbitraries.of(3, 5), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(1L, 64L, RaftConfig.ETCD_MAX_SIZE_PER_MSG), Arbitraries.longs().between(1, 1_000_000))
                .as(Setup::new);
    }

    /** Schedules for lease reads: partitions, rounds of time and reads dominate (the lease's failure modes). */
    @Provide
    Arbitrary<List<Step>> leaseSchedules() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(20, Kind.ROUND),
                Tuple.of(4, Kind.READY_ALL),
                Tuple.of(3, Kind.TICK),
                Tuple.of(6, Kind.READY),
                Tuple.of(8, Kind.DELIVER),
                Tuple.of(4, Kind.DELIVER_ALL),
                Tuple.of(2, Kind.DROP),
                Tuple.of(3, Kind.PARTITION),
                Tuple.of(2, Kind.HEAL),
                Tuple.of(1, Kind.CRASH),
                Tuple.of(2, Kind.RESTART),
                Tuple.of(8, Kind.PROPOSE),
                Tuple.of(1, Kind.CAMPAIGN),
                Tuple.of(10, Kind.READ),
                Tuple.of(1, Kind.TRANSFER));
        return steps(kinds);
    }

    @Provide
    Arbitrary<List<Step>> schedules() {
        return faultSchedules(10, 3, 1);
    }

    /**
     * The general fault schedules: every kind of step, with the weights of proposals, reads and
     * transfers given (the membership properties weigh transfers up: there, one with a large
     * argument proposes a membership change).
     */
    static Arbitrary<List<Step>> faultSchedules(int proposeWeight, int readWeight, int transferWeight) {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(10, Kind.ROUND),
                Tuple.of(5, Kind.READY_ALL),
                Tuple.of(6, Kind.TICK),
                Tuple.of(3, Kind.TICK_ALL),
                Tuple.of(8, Kind.READY),
                Tuple.of(4, Kind.BEGIN),
                Tuple.of(4, Kind.FINISH),
                Tuple.of(12, Kind.DELIVER),
                Tuple.of(5, Kind.DELIVER_ALL),
                Tuple.of(3, Kind.DROP),
                Tuple.of(2, Kind.DUP),
                Tuple.of(1, Kind.PARTITION),
                Tuple.of(2, Kind.HEAL),
                Tuple.of(1, Kind.CRASH),
                Tuple.of(2, Kind.RESTART),
                Tuple.of(proposeWeight, Kind.PROPOSE),
                Tuple.of(2, Kind.CAMPAIGN),
                Tuple.of(2, Kind.COMPACT),
                Tuple.of(readWeight, Kind.READ),
                Tuple.of(transferWeight, Kind.TRANSFER));
        return steps(kinds);
    }

    private static Arbitrary<List<Step>> steps(Arbitrary<Kind> kinds) {
        Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 63)).as(Step::new);
        return step.list().ofMinSize(100).ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform());
    }
}
