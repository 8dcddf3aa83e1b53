package io.stormglass.raft.server;

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

    /** A write refused by the space quota or while a NOSPACE alarm stands (etcd {@code ErrGRPCNoSpace}). */
    public static final String NO_SPACE = io.stormglass.raft.kv.KvStore.NO_SPACE;
    /** A range or watch below the compaction revision (etcd {@code ErrGRPCCompacted}). */
    public static final String COMPACTED = io.stormglass.raft.kv.KvStore.COMPACTED;

    private EtcdErrors() {
    }

    /** Whether a client may safely retry after this error (the request certainly had no effect, or is idempotent to retry). */
    public static boolean retryable(String error) {
        return LEADER_CHANGED.equals(error) || NO_LEADER.equals(error);
    }
}
