package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.check.linearizability.Budget;
import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.check.linearizability.LinearizabilityChecker;
import io.stormglass.raft.client.Operation;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.client.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Thesis §6.4.1 against real members (Raft core, WAL, KV, member loops): lease-based reads return stale
 * data when a leader's clock drifts beyond the bound the lease assumes, ReadIndex reads never do, and
 * lease reads within the bound stay linearizable. Judged by the linearizability checker over the
 * clients' history.
 *
 * <p>The schedule (heartbeat 100 ms, election 1 s, lease drift bound 10 %, so a lease of 7 ticks): a
 * leader is elected; its clock starts to run slow (its ticks, armed on its local clock, stretch); after
 * 2 s it is cut off from both followers while clients still reach it (Jepsen style). The followers
 * elect a new leader and a writer on their side keeps writing {@code x}; a reader keeps doing
 * linearizable gets of {@code x} on the old leader.
 */
class LeaseReadDriftTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int WRITER = 1001;
    private static final int READER = 1002;
    private static final long CUT_AFTER_NANOS = 2 * S;
    private static final long CUT_FOR_NANOS = 6 * S;

    /** What one run produced. */
    record Outcome(CheckResult result, List<Operation> history, int oldLeader, long cutAtNanos, long newLeaderAtNanos) {
        List<Operation> readsInvokedAfterCut() {
            return history.stream().filter(o -> o.client() == READER && o.invokeNanos() >= cutAtNanos).toList();
        }

        long okReadsAfterCut() {
            return readsInvokedAfterCut().stream().filter(o -> o.outcome() == Operation.Outcome.OK).count();
        }

        /** Reads that returned a value older than a write acknowledged before the read began. */
        long staleReads() {
            long stale = 0;
            for (Operation r : history) {
                if (r.client() != READER || r.outcome() != Operation.Outcome.OK) {
                    continue;
                }
                int seen = r.value() == null ? -1 : Integer.parseInt(r.value().substring(1));
                boolean newerAcked = history.stream().anyMatch(w -> w.kind() == Operation.Kind.WRITE
                        && w.outcome() == Operation.Outcome.OK && w.completeNanos() < r.invokeNanos()
                        && Integer.parseInt(w.value().substring(1)) > seen);
                if (newerAcked) {
                    stale++;
                }
            }
            return stale;
        }

        String explain() {
            String head = "old leader n" + oldLeader + ", cut at " + cutAtNanos / MS + " ms, new leader at "
                    + newLeaderAtNanos / MS + " ms, " + okReadsAfterCut() + " ok reads after the cut, " + staleReads()
                    + " stale; ";
            if (result instanceof CheckResult.NotLinearizable n) {
                return head + "witness on key " + n.key() + ":\n  "
                        + n.witness().stream().map(Operation::describe).collect(Collectors.joining("\n  "));
            }
            return head + result;
        }
    }

    /** A closed loop issuing one operation after another, with a pause between them. */
    private static final class Loop {
        private final TestCluster cluster;
        private final long pauseNanos;
        private final java.util.function.Consumer<Runnable> op;
        private boolean stopped;

        Loop(TestCluster cluster, long pauseNanos, java.util.function.Consumer<Runnable> op) {
            this.cluster = cluster;
            this.pauseNanos = pauseNanos;
            this.op = op;
        }

        void next() {
            if (!stopped) {
                op.accept(() -> cluster.sim.schedule(pauseNanos, io.stormglass.engine.event.EventKind.named("test.loop"), 0,
                        this::next));
            }
        }
    }

    static Outcome run(long seed, ReadOnlyOption option, long leaderDriftPpm, long followerDriftPpm) {
        TestCluster c = new TestCluster(3, seed, CpuCosts.defaults(), 0,
                cfg -> cfg.withReadOnly(option, RaftConfig.DEFAULT_LEASE_DRIFT_BOUND_PPM));
        c.startAll();
        int old = c.awaitLeader(5 * S).id();
        List<Integer> followers = new ArrayList<>(List.of(1, 2, 3));
        followers.remove(Integer.valueOf(old));
        c.clock(old).setDriftPpm(leaderDriftPpm);
        followers.forEach(f -> c.clock(f).setDriftPpm(followerDriftPpm));

        KvClient writer = c.client(WRITER, new ClientConfig(followers, 1 * S, 300 * MS,
                new RetryPolicy.Exponential(50 * MS, 200 * MS, 0.2), 5));
        KvClient reader = c.client(READER, new ClientConfig(List.of(old), 1 * S, 1 * S, new RetryPolicy.None(), 0));
        int[] written = {0};
        Loop writes = new Loop(c, 50 * MS, done -> writer.put("x", "w" + ++written[0], r -> done.run()));
        Loop reads = new Loop(c, 10 * MS, done -> reader.get("x", true, r -> done.run()));
        writes.next();
        reads.next();

        c.sim.runFor(CUT_AFTER_NANOS);
        long cutAt = c.sim.nowNanos();
        c.network.cut(List.of(old));
        long newLeaderAt = -1;
        long end = cutAt + CUT_FOR_NANOS;
        while (c.sim.nowNanos() < end) {
            c.sim.runFor(10 * MS);
            if (newLeaderAt < 0 && followers.stream().anyMatch(f -> c.member(f).isLeader())) {
                newLeaderAt = c.sim.nowNanos();
            }
        }
        writes.stopped = true;
        reads.stopped = true;
        c.sim.runFor(3 * S); // let every call end (deadline 1 s)
        List<Operation> history = c.history.operations();
        CheckResult result = new LinearizabilityChecker(Budget.steps(5_000_000)).check(history);
        return new Outcome(result, history, old, cutAt, newLeaderAt);
    }

    /** Latest invocation, relative to the cut, of a read the old leader answered after the cut; -1 if none. */
    private static long lastOkReadAfterCutNanos(Outcome o) {
        return o.readsInvokedAfterCut().stream().filter(r -> r.outcome() == Operation.Outcome.OK)
                .mapToLong(r -> r.invokeNanos() - o.cutAtNanos()).max().orElse(-1);
    }

    private static void assertStaleReadInWitness(long seed, Outcome o) {
        assertInstanceOf(CheckResult.NotLinearizable.class, o.result(), "seed " + seed + ": " + o.explain());
        CheckResult.NotLinearizable n = (CheckResult.NotLinearizable) o.result();
        assertTrue(n.witness().stream().anyMatch(op -> op.client() == READER && op.kind() == Operation.Kind.READ
                && op.invokeNanos() >= o.cutAtNanos()), "seed " + seed + ": the witness holds a read of the old leader: " + o.explain());
        assertTrue(o.staleReads() > 0, "seed " + seed + ": " + o.explain());
    }

    // (1) The leader's clock runs at a fifth of its speed, far beyond the 10 % the lease assumes: its 7-tick
    // lease lasts 3.5 s of true time after the last acknowledged round (sent at most one 500 ms tick before
    // the cut), the followers' promise 0.9 s. Whenever they elect a new leader within 2.5 s of the cut (a
    // first election that does not split), it acknowledges writes while the old leader still answers reads
    // from its lease: not linearizable.
    @Test
    void leaseReadsGoStaleWhenTheLeadersClockDriftsFarBeyondTheBound() {
        int staleSeeds = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Outcome o = run(seed, ReadOnlyOption.LEASE_BASED, -800_000, 0);
            if (o.newLeaderAtNanos() - o.cutAtNanos() < 2_500 * MS) {
                assertStaleReadInWitness(seed, o);
            }
            if (o.result() instanceof CheckResult.NotLinearizable) {
                staleSeeds++;
            } else {
                assertEquals(0, o.staleReads(), "seed " + seed + ": the checker and the count agree: " + o.explain());
            }
        }
        assertTrue(staleSeeds >= 8, staleSeeds + " of 10 seeds went stale");
    }

    // (1') At half speed the lease lasts 1.4 s of true time (7 ticks of 200 ms), so it outlives the followers'
    // promise, but whether a new leader acknowledges a write before it lapses depends on the followers'
    // randomized election timeouts: some seeds go stale, and no seed answers a read from the lease later
    // than 1.4 s after the cut.
    @Test
    void atHalfSpeedTheLeaseOutlivesThePromiseBy500Ms() {
        int staleSeeds = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Outcome o = run(seed, ReadOnlyOption.LEASE_BASED, -500_000, 0);
            long last = lastOkReadAfterCutNanos(o);
            assertTrue(last > 1_000 * MS && last <= 1_400 * MS, "seed " + seed + ": last lease read " + last / MS + " ms after the cut; "
                    + o.explain());
            if (o.result() instanceof CheckResult.NotLinearizable) {
                assertStaleReadInWitness(seed, o);
                assertTrue(o.newLeaderAtNanos() - o.cutAtNanos() < 1_400 * MS, "stale only if the new leader came within the lease: "
                        + o.explain());
                staleSeeds++;
            } else {
                assertEquals(0, o.staleReads(), "seed " + seed + ": the checker and the count agree: " + o.explain());
            }
        }
        assertTrue(staleSeeds > 0, "at least one seed elects the new leader inside the stale window");
    }

    // (2) The same schedules with ReadIndex: the old leader cannot confirm its leadership, so its reads fail
    // (time out) instead of returning, and every history is linearizable.
    @Test
    void readIndexReadsNeverGoStaleUnderTheSameSchedules() {
        for (long drift : new long[] {-800_000, -500_000}) {
            for (long seed = 1; seed <= 10; seed++) {
                Outcome o = run(seed, ReadOnlyOption.SAFE, drift, 0);
                String why = "seed " + seed + ", drift " + drift + " ppm: " + o.explain();
                assertInstanceOf(CheckResult.Linearizable.class, o.result(), why);
                assertEquals(0, o.okReadsAfterCut(), why);
                assertTrue(o.readsInvokedAfterCut().size() >= 3, "reads kept coming and failed: " + why);
                assertTrue(o.newLeaderAtNanos() > o.cutAtNanos(), why);
            }
        }
    }

    // (3) Drift within the bound (leader 5 % slow, followers 5 % fast): the old leader serves lease reads
    // for at most 7 ticks of 100/0.95 ms after the cut, and every history is linearizable.
    @Test
    void leaseReadsStayLinearizableWithDriftWithinTheBound() {
        for (long seed = 1; seed <= 20; seed++) {
            Outcome o = run(seed, ReadOnlyOption.LEASE_BASED, -50_000, 50_000);
            String why = "seed " + seed + ": " + o.explain();
            assertInstanceOf(CheckResult.Linearizable.class, o.result(), why);
            assertEquals(0, o.staleReads(), why);
            assertTrue(o.newLeaderAtNanos() > o.cutAtNanos(), why);
            long last = lastOkReadAfterCutNanos(o);
            assertTrue(last > 0 && last <= 7 * 100 * MS * 100 / 95, "lease reads after the cut end within the lease: " + last / MS
                    + " ms; " + why);
        }
    }
}
