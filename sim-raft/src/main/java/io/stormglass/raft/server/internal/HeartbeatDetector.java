package io.stormglass.raft.server.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * etcd's {@code contention.TimeoutDetector} as the raft loop uses it: the time of the last
 * heartbeat sent to each follower; a heartbeat sent more than {@code maxGapNanos} (twice the
 * heartbeat interval) after the previous one to the same follower is late.
 */
final class HeartbeatDetector {
    private final long maxGapNanos;
    private final Map<Long, Long> lastSentNanos = new TreeMap<>();

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
        Long previous = lastSentNanos.put(follower, nowNanos);
        if (previous == null) {
            return 0;
        }
        long exceed = nowNanos - previous - maxGapNanos;
        return Math.max(0, exceed);
    }
}
