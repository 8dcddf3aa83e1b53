package io.stormglass.raft;

/** How the leader serves read-only queries (thesis §6.4; etcd {@code ReadOnlyOption}). */
public enum ReadOnlyOption {
    /**
     * ReadIndex: the leader records its commit index and confirms it is still leader with a round of
     * heartbeats acknowledged by a quorum before answering (thesis §6.4). Safe under any clock.
     */
    SAFE,
    /**
     * Lease-based reads (thesis §6.4.1): the leader answers at once while its lease holds, trusting that
     * no other leader can be elected while the followers that acknowledged its last heartbeat round keep
     * their promise not to vote. The lease starts at that round's send tick and lasts
     * {@link RaftConfig#leaseTicks()}, which is sound while every clock drifts less than
     * {@link RaftConfig#leaseDriftBoundPpm()}; beyond that, reads can be stale. When the lease has lapsed
     * the read falls back to a ReadIndex round. Requires CheckQuorum (the followers' promise). Unlike
     * etcd-io/raft's {@code ReadOnlyLeaseBased}, which trusts leadership until CheckQuorum notices a lost
     * quorum (up to two election timeouts after the last contact, while followers may elect after one),
     * the lease does not outlive the promise even without drift.
     */
    LEASE_BASED
}
