package io.stormglass.raft.server.internal;

/**
 * etcd's {@code contention.TimeoutDetector} as the raft loop uses it: the time of the last
 * heartbeat sent to each follower; a heartbeat sent more than {@code maxGapNanos} (twice the
 * heartbeat interval) after the previous one to the same follower is late.
 */
final class HeartbeatDetector {
    private final long maxGapNanos;
    /**
     * Per follower, a one-element array holding the instant of its last heartbeat, updated in place:
     * no boxed number per heartbeat (issue 23: a {@code TreeMap<Long, Long>} here was 1.5 % of the
     * incident's profile).
     */
    private final PeerTable<long[]> lastSentNanos = new PeerTable<>();

    HeartbeatDetector(long maxGapNanos) {
        this.maxGapNanos = maxGapNanos;
    }

    /** Forgets every follower (on becoming leader). */
    void reset() {
        lastSentNanos.clear();
    }

    /**
     * Records a heartbeat to {@code follower} at {@code nowNanos}.
     *
     * @return by how much the gap exceeded the limit, or 0 if it was on time
     */
    long observe(long follower, long nowNanos) {
        int peer = Math.toIntExact(follower);
        long[] last = lastSentNanos.get(peer);
        if (last == null) {
            lastSentNanos.put(peer, new long[] {nowNanos});
            return 0;
        }
        long previous = last[0];
        last[0] = nowNanos;
        return Math.max(0, nowNanos - previous - maxGapNanos);
    }
}
