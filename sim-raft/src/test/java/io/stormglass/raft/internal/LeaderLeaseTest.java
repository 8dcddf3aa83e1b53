package io.stormglass.raft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.quorum.JointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thesis §6.4.1: the lease arithmetic, on the leader's tick clock. */
class LeaderLeaseTest {
    private static final JointConfig THREE = JointConfig.of(List.of(1L, 2L, 3L));
    private static final JointConfig FIVE = JointConfig.of(List.of(1L, 2L, 3L, 4L, 5L));

    @Test
    void leaseTicksIsElectionMinusTwoWithoutDriftAndShrinksWithTheBound() {
        RaftConfig etcd = RaftConfig.etcdDefaults(1);
        assertEquals(8, etcd.withLeaseDriftBoundPpm(0).leaseTicks(), "one tick of discretisation on each side");
        assertEquals(7, etcd.leaseTicks(), "default 10 %: 9·0.9/1.1 = 7.36");
        assertEquals(8, etcd.withLeaseDriftBoundPpm(50_000).leaseTicks(), "5 %: 9·0.95/1.05 = 8.14");
        assertEquals(2, etcd.withLeaseDriftBoundPpm(500_000).leaseTicks(), "50 %: 9·0.5/1.5 = 3 exactly, so 2");
        assertEquals(0, etcd.withLeaseDriftBoundPpm(999_999).leaseTicks());
        assertEquals(0, etcd.withTicks(2, 1).withLeaseDriftBoundPpm(0).leaseTicks(), "1 tick of follower promise buys none");
    }

    @Test
    void leaseTicksIsTheLargestSoundLength() {
        for (int election = 2; election <= 60; election++) {
            for (long ppm : new long[] {0, 1, 500, 50_000, 100_000, 333_333, 500_000, 900_000}) {
                long l = RaftConfig.etcdDefaults(1).withTicks(election, 1).withLeaseDriftBoundPpm(ppm).leaseTicks();
                long follower = (election - 1L) * (1_000_000 - ppm);
                assertTrue(l * (1_000_000 + ppm) < follower, "sound: " + election + " ticks, " + ppm + " ppm, lease " + l);
                assertTrue((l + 1) * (1_000_000 + ppm) >= follower, "largest: " + election + " ticks, " + ppm + " ppm, lease " + l);
            }
        }
    }

    @Test
    void noLeaseUntilAQuorumAcknowledged() {
        LeaderLease lease = new LeaderLease(7);
        assertFalse(lease.covers(THREE, 1, 0));
        lease.acknowledged(2, 3);
        assertTrue(lease.covers(THREE, 1, 3));
    }

    @Test
    void leaseRunsFromTheSendTickNotFromTheAcknowledgement() {
        LeaderLease lease = new LeaderLease(7);
        lease.acknowledged(2, 3); // sent at tick 3, whenever the answer came
        assertEquals(3, lease.startTick(THREE, 1, 9));
        assertTrue(lease.covers(THREE, 1, 9));
        assertFalse(lease.covers(THREE, 1, 10), "3 + 7");
        lease.acknowledged(3, 2);
        assertEquals(3, lease.startTick(THREE, 1, 9), "the quorum-th newest: 9 (self), 3, 2");
        lease.acknowledged(2, 1);
        assertEquals(3, lease.startTick(THREE, 1, 9), "an older echo never moves the lease back");
    }

    @Test
    void fiveMembersNeedTheThirdNewest() {
        LeaderLease lease = new LeaderLease(7);
        lease.acknowledged(2, 5);
        assertFalse(lease.covers(FIVE, 1, 5), "two of five");
        lease.acknowledged(3, 2);
        assertEquals(2, lease.startTick(FIVE, 1, 6));
        assertTrue(lease.covers(FIVE, 1, 8));
        assertFalse(lease.covers(FIVE, 1, 9));
        lease.acknowledged(4, 6);
        assertEquals(5, lease.startTick(FIVE, 1, 9), "self 9, then 6, 5, 2");
    }

    @Test
    void revokedAndResetLeasesCoverNothing() {
        LeaderLease lease = new LeaderLease(7);
        lease.acknowledged(2, 0);
        lease.revoke();
        assertFalse(lease.covers(THREE, 1, 0), "revoked (a transfer overrides the followers' promise)");
        lease.reset();
        assertFalse(lease.covers(THREE, 1, 0), "a new leadership starts without acknowledgements");
        lease.acknowledged(3, 0);
        assertTrue(lease.covers(THREE, 1, 0), "and without the revocation");
    }

    @Test
    void zeroLengthLeaseNeverCovers() {
        LeaderLease lease = new LeaderLease(0);
        lease.acknowledged(2, 4);
        assertFalse(lease.covers(THREE, 1, 4));
    }
}
