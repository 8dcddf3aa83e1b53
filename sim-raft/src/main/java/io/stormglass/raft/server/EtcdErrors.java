package io.stormglass.raft.server;

import io.stormglass.raft.kv.KvStore;

/** The error texts clients see, exactly as etcd and clientv3 print them. */
public final class EtcdErrors {
    /** A linearizable read was interrupted by a leader change (etcd {@code ErrLeaderChanged}). */
    public static final String LEADER_CHANGED = "etcdserver: leader changed";
    /** The server gave up waiting for a proposal or read index (etcd {@code ErrTimeout}). */
    public static final String REQUEST_TIMED_OUT = "etcdserver: request timed out";
    /** The client's own deadline passed (Go's {@code context.DeadlineExceeded}). */
    public static final String DEADLINE_EXCEEDED = "context deadline exceeded";
    /** The member knows no leader (etcd {@code ErrGRPCNoLeader}, as clients that require a leader see it). */
    public static final String NO_LEADER = "etcdserver: no leader";
    /** The lease does not exist. */
    public static final String LEASE_NOT_FOUND = "etcdserver: requested lease not found";

    /** A member operation was sent to a member that is not the leader (etcd {@code ErrNotLeader}). */
    public static final String NOT_LEADER = "etcdserver: not leader";
    /** {@code --strict-reconfig-check}: the change would leave fewer started voters than a quorum (etcd {@code ErrNotEnoughStartedMembers}). */
    public static final String NOT_ENOUGH_STARTED_MEMBERS = "etcdserver: re-configuration failed due to not enough started members";
    /** A promotion of a learner whose log is below 90 % of the leader's (etcd {@code ErrLearnerNotReady}). */
    public static final String LEARNER_NOT_READY = "etcdserver: can only promote a learner member which is in sync with leader";
    /** Adding a member id the cluster already has (etcd {@code membership.ErrIDExists}). */
    public static final String ID_EXISTS = "membership: ID exists";
    /** Removing, promoting or updating an id the cluster does not have (etcd {@code membership.ErrIDNotFound}). */
    public static final String ID_NOT_FOUND = "membership: ID not found";
    /** Promoting a voter (etcd {@code membership.ErrMemberNotLearner}). */
    public static final String MEMBER_NOT_LEARNER = "membership: can only promote a learner member";
    /** A second learner while {@code --max-learners} (default 1) are there (etcd {@code membership.ErrTooManyLearners}). */
    public static final String TOO_MANY_LEARNERS = "membership: too many learner members in cluster";
    /** {@code move-leader} to a member that is not a voter (etcd {@code ErrBadLeaderTransferee}). */
    public static final String BAD_LEADER_TRANSFEREE = "etcdserver: bad leader transferee";
    /** No peer is connected to hand leadership to (etcd {@code ErrUnhealthy}). */
    public static final String UNHEALTHY = "etcdserver: unhealthy cluster";
    /** The transferee did not take leadership before the caller's deadline (etcd {@code ErrTimeoutLeaderTransfer}). */
    public static final String LEADER_TRANSFER_TIMED_OUT = "etcdserver: request timed out, leader transfer took too long";
    /** A write refused by the space quota or while a NOSPACE alarm stands (etcd {@code ErrGRPCNoSpace}). */
    public static final String NO_SPACE = KvStore.NO_SPACE;
    /** A range or watch below the compaction revision (etcd {@code ErrGRPCCompacted}). */
    public static final String COMPACTED = KvStore.COMPACTED;

    private EtcdErrors() {
    }

    /** Whether a client may safely retry after this error (the request certainly had no effect, or is idempotent to retry). */
    public static boolean retryable(String error) {
        return LEADER_CHANGED.equals(error) || NO_LEADER.equals(error);
    }
}
