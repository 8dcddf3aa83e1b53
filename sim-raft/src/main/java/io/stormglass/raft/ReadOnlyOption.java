package io.stormglass.raft;

/** How the leader serves read-only queries (thesis §6.4; etcd {@code ReadOnlyOption}). */
public enum ReadOnlyOption {
    /**
     * ReadIndex: the leader records its commit index and confirms it is still leader with a round of
     * heartbeats acknowledged by a quorum before answering (thesis §6.4). Safe under any clock.
     */
    SAFE,
    /**
     * Lease-based reads (thesis §6.4.1): the leader answers at once, trusting that no other leader
     * can exist within an election timeout of its last quorum contact. Requires CheckQuorum and
     * bounded clock drift.
     */
    LEASE_BASED
}
