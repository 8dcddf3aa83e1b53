package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.engine.probe.ProbeRecorder;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.harness.SafetyChecker;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgTimeoutNow;
import io.stormglass.raft.probe.RaftProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thesis §6.4.1 lease-based reads on the core: when the lease holds, when it lapses, and the rules that
 * keep the followers' no-vote promise the lease spends (thesis §4.2.3).
 */
class LeaseReadTest {
    private static RaftCluster leasedCluster() {
        RaftCluster c = new RaftCluster(3, RaftCluster.testConfig(true, true).withReadOnlyOption(ReadOnlyOption.LEASE_BASED), 31);
        c.addChecker(new SafetyChecker());
        c.elect(1);
        c.readIndex(1, "first"); // no lease yet: answered by a ReadIndex round, which starts the lease at tick 0
        c.stabilize();
        assertEquals(1, c.get(1).readStates().size());
        return c;
    }

    private static boolean readRoundSent(RaftCluster c, String context) {
        return c.inflight().stream().anyMatch(m -> m instanceof MsgHeartbeat h && h.context().equals(ByteString.utf8(context)));
    }

    /** The probe a campaign with {@code read-only: lease-based} reports. */
    @Test
    void aReadAnsweredFromTheLeaseHitsItsProbe() {
        ProbeCounts counts = new ProbeCounts();
        RaftCluster c = ProbeRecorder.recording(counts, () -> {
            RaftCluster leased = leasedCluster();
            leased.readIndex(1, "leased");
            leased.processReady(1);
            return leased;
        });
        assertEquals(2, c.get(1).readStates().size(), "answered at once");
        assertFalse(readRoundSent(c, "leased"), "without a round");
        assertEquals(1, counts.hits(RaftProbe.LEASE_READ_SERVED));
    }

    @Test
    void leaseLapsesLeaseTicksAfterTheAcknowledgedRoundWasSent() {
        RaftCluster c = leasedCluster();
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        c.tick(1, 6);
        assertTrue(c.node(1).core().leaseValid(), "tick 6 < 0 + 7");
        c.tick(1, 1);
        assertFalse(c.node(1).core().leaseValid(), "tick 7: lapsed");
        c.readIndex(1, "late");
        c.processReady(1);
        assertEquals(1, c.get(1).readStates().size(), "not answered from the lapsed lease");
        assertTrue(readRoundSent(c, "late"), "falls back to a ReadIndex round");
    }

    @Test
    void ticksThatCameDueButWereNotDeliveredEndTheLeaseToo() {
        RaftCluster c = leasedCluster();
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        // a raft loop blocked in fsync: its ticker dropped 7 ticks, the election timers froze
        c.node(1).observeDueTicks(7);
        assertFalse(c.node(1).core().leaseValid());
        assertEquals(7, c.node(1).core().clockTicks(), "no tick was delivered, seven came due");
        c.readIndex(1, "after-stall");
        c.processReady(1);
        assertTrue(readRoundSent(c, "after-stall"));
    }

    @Test
    void transferringLeadershipEndsTheLease() {
        RaftCluster c = leasedCluster();
        assertTrue(c.node(1).core().leaseValid());
        c.transfer(1, 2);
        c.processReady(1);
        assertTrue(c.inflight().stream().anyMatch(m -> m instanceof MsgTimeoutNow), "the transferee is up to date");
        assertFalse(c.node(1).core().leaseValid(), "TimeoutNow overrides the followers' promise");
    }

    @Test
    void followersInALeaseDoNotCampaignOnRequest() {
        RaftCluster c = leasedCluster();
        c.campaign(2);
        assertEquals(StateRole.FOLLOWER, c.node(2).core().state());
        assertEquals(List.of(1L), c.leaders());
    }

    @Test
    void aRestartedMemberKeepsItsPromiseForAnElectionTimeout() {
        RaftCluster c = leasedCluster();
        c.partition(List.of(List.of(1L), List.of(2L, 3L)));
        c.crash(2);
        c.restart(2); // forgot the leader, but may have acknowledged a round just before the crash
        for (int t = 0; t < 40; t++) {
            c.tick(3, 1);
            c.stabilize();
        }
        assertEquals(List.of(1L), c.leaders(), "member 2 refused every vote before its first election timeout");
        c.elapse(40);
        assertTrue(c.leaders().contains(2L) || c.leaders().contains(3L), "then the majority side elects a leader");
    }
}
