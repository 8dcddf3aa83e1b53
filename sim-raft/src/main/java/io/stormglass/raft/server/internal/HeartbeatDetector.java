package io.stormglass.raft.server.internal;

import java.util.Arrays;

/**
 * etcd's {@code contention.TimeoutDetector} as the raft loop uses it: the time of the last
 * heartbeat sent to each follower; a heartbeat sent more than {@code maxGapNanos} (twice the
 * heartbeat interval) after the previous one to the same follower is late.
 */
final class HeartbeatDetector {
    private final long maxGapNanos;
    /**
     * Followers heard of so far and the instant of their last heartbeat, at the same positions: a
     * cluster has a handful of members, and a scan of two small arrays costs less per heartbeat than a
     * map of boxed numbers (issue 23: the map was 1.5 % of the incident's profile).
     */
    private long[] followers = new long[8];
    private long[] lastSentNanos = new long[8];
    private int size;

    HeartbeatDetector(long maxGapNanos) {
        this.maxGapNanos = maxGapNanos;
    }

    /** Forgets every follower (on becoming leader). */
    void reset() {
        size = 0;
    }

    /**
     * Records a heartbeat to {@code follower} at {@code nowNanos}.
     *
     * @return by how much the gap exceeded the limit, or 0 if it was on time
     */
    long observe(long follower, long nowNanos) {
        for (int i = 0; i < size; i++) {
            if (followers[i] == follower) {
                long previous = lastSentNanos[i];
                lastSentNanos[i] = nowNanos;
                return Math.max(0, nowNanos - previous - maxGapNanos);
            }
        }
        if (size == followers.length) {
            followers = Arrays.copyOf(followers, 2 * size);
            lastSentNanos = Arrays.copyOf(lastSentNanos, 2 * size);
        }
        followers[size] = follower;
        lastSentNanos[size] = nowNanos;
        size++;
        return 0;
    }
}
