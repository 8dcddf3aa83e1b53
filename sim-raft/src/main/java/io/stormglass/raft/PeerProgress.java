package io.stormglass.raft;

import io.stormglass.raft.tracker.ProgressState;

/**
 * A read-only copy of the leader's replication state for one member (§5.3 matchIndex/nextIndex and
 * etcd's flow control).
 *
 * @param inflight unacknowledged appends in the window
 * @param paused   whether flow control currently holds back appends
 * @param learner  whether the member is a learner (replicated to, never counted; thesis §4.2.1)
 */
public record PeerProgress(long match, long next, ProgressState state, long pendingSnapshot, int inflight,
        boolean paused, boolean learner) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(state).append(" match=").append(match).append(" next=").append(next);
        if (state == ProgressState.SNAPSHOT) {
            sb.append(" pendingSnap=").append(pendingSnapshot);
        }
        if (inflight > 0) {
            sb.append(" inflight=").append(inflight);
        }
        if (paused && state != ProgressState.SNAPSHOT) {
            sb.append(" paused");
        }
        if (learner) {
            sb.append(" learner");
        }
        return sb.toString();
    }
}
