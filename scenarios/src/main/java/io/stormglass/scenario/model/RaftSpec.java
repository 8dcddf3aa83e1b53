package io.stormglass.scenario.model;

import io.stormglass.raft.server.CpuCosts;

/**
 * Raft and server settings under etcd's flag names (nanoseconds, bytes, counts).
 *
 * @param heartbeatIntervalNanos    {@code heartbeat-interval}
 * @param electionTimeoutNanos      {@code election-timeout}
 * @param preVote                   {@code pre-vote}
 * @param checkQuorum               {@code check-quorum}
 * @param snapshotCount             {@code snapshot-count}
 * @param snapshotCatchUpEntries    {@code snapshot-catch-up-entries}
 * @param maxInflightMsgs           {@code max-inflight-msgs}
 * @param maxSizePerMsgBytes        {@code max-size-per-msg}
 * @param backendBatchIntervalNanos {@code backend-batch-interval}
 * @param backendBatchLimit         {@code backend-batch-limit}
 * @param cpu                       CPU costs per operation on the member's threads
 */
public record RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
        long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
        long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu) {
}
