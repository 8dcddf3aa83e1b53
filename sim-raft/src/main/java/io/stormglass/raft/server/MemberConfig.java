package io.stormglass.raft.server;

import java.util.List;

/**
 * One member's settings, under etcd's flag names where etcd has them. Times in nanoseconds.
 *
 * @param id                         member id (1..n)
 * @param peers                      ids of all voting members, this one included
 * @param heartbeatIntervalNanos     {@code --heartbeat-interval} (etcd default 100 ms): the raft tick
 * @param electionTimeoutNanos       {@code --election-timeout} (default 1000 ms); a multiple of the heartbeat
 * @param preVote                    {@code --pre-vote} (default true since etcd 3.5)
 * @param checkQuorum                raft CheckQuorum (etcd always enables it)
 * @param snapshotCount              {@code --snapshot-count}: applied entries between snapshots (3.6 default 10 000)
 * @param snapshotCatchUpEntries     entries kept in the log after a snapshot for slow followers (etcd 5 000)
 * @param maxInflightMsgs            raft {@code MaxInflightMsgs} (etcd 512)
 * @param maxSizePerMsgBytes         raft {@code MaxSizePerMsg} (etcd 1 MiB)
 * @param backendBatchIntervalNanos  {@code --backend-batch-interval} (100 ms)
 * @param backendBatchLimit          {@code --backend-batch-limit} (10 000 ops)
 * @param cpu                        CPU costs of the member's threads
 */
public record MemberConfig(int id, List<Integer> peers, long heartbeatIntervalNanos, long electionTimeoutNanos,
        boolean preVote, boolean checkQuorum, long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs,
        long maxSizePerMsgBytes, long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu) {
    /** etcd's {@code warnSyncDuration}: an fdatasync slower than this logs {@code slow fdatasync}. */
    public static final long SLOW_FDATASYNC_NANOS = 1_000_000_000L;
    /** etcd's {@code readIndexRetryTime}. */
    public static final long READ_INDEX_RETRY_NANOS = 500_000_000L;
    /** etcd's default {@code --experimental-warning-apply-duration}. */
    public static final long SLOW_APPLY_NANOS = 100_000_000L;
    /** etcd's threshold for logging {@code request stats} of a slow request. */
    public static final long SLOW_REQUEST_NANOS = 300_000_000L;
    /** How often the primary lessor looks for expired leases (etcd's lessor loop). */
    public static final long LEASE_CHECK_INTERVAL_NANOS = 500_000_000L;

    public MemberConfig {
        peers = List.copyOf(peers);
        if (!peers.contains(id)) {
            throw new IllegalArgumentException("member " + id + " is not among the peers " + peers);
        }
        if (heartbeatIntervalNanos <= 0 || electionTimeoutNanos % heartbeatIntervalNanos != 0
                || electionTimeoutNanos / heartbeatIntervalNanos < 2) {
            throw new IllegalArgumentException("the election timeout must be a multiple (at least 2) of the heartbeat interval");
        }
        if (snapshotCount <= 0 || snapshotCatchUpEntries < 0 || backendBatchIntervalNanos <= 0 || backendBatchLimit <= 0) {
            throw new IllegalArgumentException("snapshot and backend settings must be positive");
        }
    }

    /** etcd's defaults for member {@code id} of a cluster of {@code peers}. */
    public static MemberConfig etcdDefaults(int id, List<Integer> peers) {
        return new MemberConfig(id, peers, 100_000_000L, 1_000_000_000L, true, true, 10_000, 5_000, 512,
                1024 * 1024, 100_000_000L, 10_000, CpuCosts.defaults());
    }

    public MemberConfig withTimeouts(long heartbeatNanos, long electionNanos) {
        return new MemberConfig(id, peers, heartbeatNanos, electionNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu);
    }

    public MemberConfig withCpu(CpuCosts costs) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, costs);
    }

    public MemberConfig withSnapshots(long count, long catchUpEntries) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, count,
                catchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu);
    }

    /** Election timeout in raft ticks. */
    public int electionTicks() {
        return (int) (electionTimeoutNanos / heartbeatIntervalNanos);
    }

    /** etcd's {@code ReqTimeout()}: 5 s plus twice the election timeout. */
    public long requestTimeoutNanos() {
        return 5_000_000_000L + 2 * electionTimeoutNanos;
    }

    /** The member's label in metrics and logs: {@code n<id>}. */
    public String label() {
        return "n" + id;
    }
}
