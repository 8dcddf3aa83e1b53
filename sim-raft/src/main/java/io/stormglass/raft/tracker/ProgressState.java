package io.stormglass.raft.tracker;

/** How the leader replicates to one follower (etcd-io/raft {@code tracker.StateType}). */
public enum ProgressState {
    /**
     * The leader does not know the follower's last matching index: it sends at most one append per
     * heartbeat interval and backs off on rejection (§5.3).
     */
    PROBE,
    /** The follower is known to match: the leader streams appends optimistically, up to the inflight window. */
    REPLICATE,
    /** The follower needs a snapshot (§7); appends pause until it is applied or reported failed. */
    SNAPSHOT
}
