package io.stormglass.raft.server;

/**
 * CPU time charged on a member's simulated threads, so that throughput has a ceiling as on a
 * real server. Defaults are of the order etcd shows on one modern core (etcd's benchmark guide
 * reports a few tens of thousands of small puts per second per cluster, bounded by the leader);
 * calibrate them from a real cluster by dividing the raft and apply goroutines' CPU seconds by
 * {@code etcd_server_proposals_applied_total} and by messages received.
 *
 * @param stepMessageNanos  node loop: stepping one inbound Raft message or proposal
 * @param readyNanos        raft loop: fixed cost of handling one Ready
 * @param persistEntryNanos raft loop: encoding one entry into the WAL
 * @param applyEntryNanos   apply loop: applying one committed entry to the KV store
 * @param requestNanos      node loop: decoding a client request and encoding its reply
 */
public record CpuCosts(long stepMessageNanos, long readyNanos, long persistEntryNanos, long applyEntryNanos,
        long requestNanos) {
    public CpuCosts {
        if (stepMessageNanos < 0 || readyNanos < 0 || persistEntryNanos < 0 || applyEntryNanos < 0 || requestNanos < 0) {
            throw new IllegalArgumentException("CPU costs must not be negative");
        }
    }

    /** 5 µs per message, 20 µs per Ready, 2 µs per persisted entry, 15 µs per applied entry, 20 µs per request. */
    public static CpuCosts defaults() {
        return new CpuCosts(5_000, 20_000, 2_000, 15_000, 20_000);
    }

    /** No CPU cost at all (for tests that want pure protocol timing). */
    public static CpuCosts free() {
        return new CpuCosts(0, 0, 0, 0, 0);
    }
}
