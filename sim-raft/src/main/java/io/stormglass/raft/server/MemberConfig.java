package io.stormglass.raft.server;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import java.util.List;
import java.util.Objects;

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
 * @param readOnlyOption             how linearizable reads are served: {@code SAFE} (ReadIndex, the default)
 *                                   or {@code LEASE_BASED} (thesis §6.4.1; needs checkQuorum). etcd builds its
 *                                   raft node with {@code ReadOnlySafe} and has no flag for lease reads; the
 *                                   option exists here for lease-read experiments
 * @param leaseDriftBoundPpm         the clock drift the lease must survive, in ppm (default 100 000 = 10 %,
 *                                   see {@link RaftConfig#DEFAULT_LEASE_DRIFT_BOUND_PPM})
 */
public record MemberConfig(int id, List<Integer> peers, long heartbeatIntervalNanos, long electionTimeoutNanos,
        boolean preVote, boolean checkQuorum, long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs,
        long maxSizePerMsgBytes, long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu,
        ReadOnlyOption readOnlyOption, long leaseDriftBoundPpm) {
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
        Objects.requireNonNull(readOnlyOption, "readOnlyOption");
        if (leaseDriftBoundPpm < 0 || leaseDriftBoundPpm >= 1_000_000) {
            throw new IllegalArgumentException("the lease drift bound must be in [0, 1000000) ppm, got " + leaseDriftBoundPpm);
        }
        if (readOnlyOption == ReadOnlyOption.LEASE_BASED && !checkQuorum) {
            throw new IllegalArgumentException("lease-based reads need checkQuorum");
        }
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

    /** The settings without the read options: ReadIndex reads (etcd's {@code ReadOnlySafe}). */
    public MemberConfig(int id, List<Integer> peers, long heartbeatIntervalNanos, long electionTimeoutNanos,
            boolean preVote, boolean checkQuorum, long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs,
            long maxSizePerMsgBytes, long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu) {
        this(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit,
                cpu, ReadOnlyOption.SAFE, RaftConfig.DEFAULT_LEASE_DRIFT_BOUND_PPM);
    }

    /** etcd's defaults for member {@code id} of a cluster of {@code peers}. */
    public static MemberConfig etcdDefaults(int id, List<Integer> peers) {
        return new MemberConfig(id, peers, 100_000_000L, 1_000_000_000L, true, true, 10_000, 5_000, 512,
                1024 * 1024, 100_000_000L, 10_000, CpuCosts.defaults());
    }

    public MemberConfig withTimeouts(long heartbeatNanos, long electionNanos) {
        return new MemberConfig(id, peers, heartbeatNanos, electionNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm);
    }

    public MemberConfig withCpu(CpuCosts costs) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, costs,
                readOnlyOption, leaseDriftBoundPpm);
    }

    public MemberConfig withSnapshots(long count, long catchUpEntries) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, count,
                catchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm);
    }

    /** How linearizable reads are served, and for lease reads the clock drift the lease must survive. */
    public MemberConfig withReadOnly(ReadOnlyOption option, long driftBoundPpm) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                option, driftBoundPpm);
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
