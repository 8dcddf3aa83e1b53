package io.stormglass.raft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain Raft server's election timer is a deadline on a thread of its own (LogCabin's timer thread):
 * a candidate that nobody answers campaigns again one timeout after its last candidacy plus the
 * thread's lateness (Linux's 50 µs timer slack and a measured wake-up latency, per firing), restarting
 * from that late moment, so its candidacies drift off any tick grid by draws of its own.
 */
class PlainRaftElectionTimerTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000 * US;
    private static final long S = 1_000 * MS;

    /** The intervals between the candidacies of a follower cut off from a 150–150 ms plain Raft cluster, to the µs. */
    private static List<Long> candidacyIntervals(long seed) {
        TestCluster c = new TestCluster(3, seed, CpuCosts.defaults(), MS, PlainRaftElectionTimerTest::plainRaft);
        c.startAll();
        c.member(1).campaign(); // equal timeouts that started together would split the first vote for a long time
        Member leader = c.awaitLeader(S);
        int follower = leader.id() == 3 ? 2 : 3;
        c.network.cut(List.of(follower));
        List<Long> candidacies = new ArrayList<>();
        long term = c.member(follower).term();
        for (long end = c.sim.nowNanos() + S; c.sim.nowNanos() < end; ) {
            c.sim.runFor(US);
            if (c.member(follower).term() != term) {
                term = c.member(follower).term();
                candidacies.add(c.sim.nowNanos());
            }
        }
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < candidacies.size(); i++) {
            intervals.add(candidacies.get(i) - candidacies.get(i - 1));
        }
        return intervals;
    }

    /** LogCabin's rules: a constant 150 ms timeout, heartbeats every 75 ms, a 1 ms tick, no PreVote, no CheckQuorum. */
    private static MemberConfig plainRaft(MemberConfig m) {
        return new MemberConfig(m.id(), m.peers(), 75 * MS, 150 * MS, false, false, m.snapshotCount(), m.snapshotCatchUpEntries(),
                m.maxInflightMsgs(), m.maxSizePerMsgBytes(), m.backendBatchIntervalNanos(), m.backendBatchLimit(), m.cpu(),
                m.readOnlyOption(), m.leaseDriftBoundPpm(), MS, 150 * MS, Flavour.PLAIN_RAFT, m.strictReconfigCheck(), m.mvcc(),
                MemberConfig.defaultTimerWakeup(Flavour.PLAIN_RAFT));
    }

    @Test
    void aLoneCandidateRestartsItsTimeoutFromEachLateWake() {
        List<Long> intervals = candidacyIntervals(7);
        assertTrue(intervals.size() >= 5, "six candidacies in 1 s: " + intervals);
        for (long interval : intervals) {
            long late = interval - 150 * MS;
            // the slack, then 1 to 59 µs of measured latency, seen to the next µs
            assertTrue(late >= 51 * US && late <= 110 * US, "150 ms plus the wake's lateness: " + interval + " ns " + intervals);
        }
        assertTrue(new HashSet<>(intervals).size() > intervals.size() / 2, "each wake draws its own lateness: " + intervals);
    }

    @Test
    void theLatenessIsTheSameForTheSameSeedOnly() {
        assertEquals(candidacyIntervals(7), candidacyIntervals(7));
        assertNotEquals(candidacyIntervals(7), candidacyIntervals(8));
    }
}
