package io.stormglass.raft.internal;

import io.stormglass.raft.quorum.JointConfig;
import java.util.TreeMap;

/**
 * A leader's read lease (thesis §6.4.1), measured on the leader's own tick clock. Every heartbeat
 * carries the tick it was sent at and every answer echoes it; the lease starts at the send tick of the
 * newest round a quorum acknowledged (the leader itself counting as "now") and lasts
 * {@code RaftConfig.leaseTicks()} ticks. Starting at the send time, not at the time the answers arrived,
 * is what makes the lease independent of network delay: a follower cannot have heard the round before
 * it was sent, so its promise not to vote runs from later than the lease does.
 *
 * <p>A lease belongs to one leadership: {@link #reset()} on every role change. Once the leader has told
 * a transferee to campaign at once ({@code MsgTimeoutNow}, which overrides the followers' promise), the
 * lease is {@link #revoke() revoked} for the rest of the term.
 */
final class LeaderLease {
    private static final long NONE = Long.MIN_VALUE;

    private final int leaseTicks;
    /** The newest acknowledged send tick by peer, in a holder updated in place: no boxed tick per heartbeat answer. */
    private final TreeMap<Long, long[]> ackedSendTick = new TreeMap<>();
    private boolean revoked;

    LeaderLease(int leaseTicks) {
        this.leaseTicks = leaseTicks;
    }

    /** Forgets every acknowledgement and the revocation: a new role, a new lease. */
    void reset() {
        ackedSendTick.clear();
        revoked = false;
    }

    /** No lease for the rest of this leadership (a transfer overrides the followers' promise). */
    void revoke() {
        revoked = true;
    }

    /** Records that {@code peer} answered a heartbeat sent at {@code sentTick} of this leadership. */
    void acknowledged(long peer, long sentTick) {
        long[] acked = ackedSendTick.get(peer);
        if (acked == null) {
            ackedSendTick.put(peer, new long[] {sentTick});
        } else if (sentTick > acked[0]) {
            acked[0] = sentTick;
        }
    }

    /**
     * The tick the lease started at: the quorum-th newest acknowledged send tick among {@code voters} (of
     * both sides while joint, thesis §4.3: a leader elected in either configuration needs their votes),
     * with {@code self} at {@code nowTick}; {@link Long#MIN_VALUE} if no quorum acknowledged any round.
     */
    long startTick(JointConfig voters, long self, long nowTick) {
        return voters.committedIndex(id -> id == self ? nowTick : ackedOrNone(id));
    }

    private long ackedOrNone(long peer) {
        long[] acked = ackedSendTick.get(peer);
        return acked == null ? NONE : acked[0];
    }

    /** Whether the lease covers tick {@code nowTick}: it started and fewer than leaseTicks ticks have passed. */
    boolean covers(JointConfig voters, long self, long nowTick) {
        if (revoked || leaseTicks <= 0) {
            return false;
        }
        long start = startTick(voters, self, nowTick);
        // an empty voter set "commits" Long.MAX_VALUE; it has no leader to hold a lease
        return start != NONE && start != Long.MAX_VALUE && nowTick < start + leaseTicks;
    }
}
