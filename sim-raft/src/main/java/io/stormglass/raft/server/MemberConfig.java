package io.stormglass.raft.server;

import io.stormglass.engine.exec.TimerWakeup;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import java.util.List;
import java.util.Objects;

/**
 * One member's settings, under etcd's flag names where etcd has them. Times in nanoseconds.
 *
 * @param id                         member id (1..n)
 * @param peers                      ids of all voting members, this one included
 * @param heartbeatIntervalNanos     {@code --heartbeat-interval} (etcd default 100 ms): how often a leader
 *                                   sends heartbeats; a multiple of {@code tickIntervalNanos}
 * @param electionTimeoutNanos       {@code --election-timeout} (default 1000 ms): the smallest randomized
 *                                   election timeout; a multiple of {@code tickIntervalNanos}
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
 * @param tickIntervalNanos          the Raft tick: the ticker calls {@code tick()} this often on the member's
 *                                   local clock. etcd ticks once per heartbeat interval
 *                                   ({@code raftNode}'s {@code time.NewTicker(heartbeat)}), which is the default
 *                                   ({@link #withTimeouts}); a finer tick (1 ms, 100 µs) lets timeouts that are not
 *                                   whole heartbeats run, as in plain-Raft experiments (the Raft paper's 150–155 ms)
 * @param electionTimeoutMaxNanos    the largest randomized election timeout, inclusive: each member draws its
 *                                   timeout uniformly in {@code [electionTimeoutNanos, electionTimeoutMaxNanos]} in
 *                                   whole ticks. etcd: {@code 2·election − tick} (etcd-io/raft's
 *                                   {@code [electionTick, 2·electionTick)}); equal to the minimum for a constant
 *                                   timeout
 * @param flavour                    whose server the member imitates: {@link Flavour#ETCD} (the default) or a
 *                                   plain Raft server ({@link Flavour#PLAIN_RAFT})
 * @param strictReconfigCheck        {@code --strict-reconfig-check} (etcd default true, server/embed/config.go
 *                                   {@code DefaultStrictReconfigCheck}): refuse a member add, remove or promotion
 *                                   that would leave fewer started voters than a quorum
 *                                   ({@code RaftCluster.IsReadyToAddVotingMember} and its siblings)
 * @param mvcc                       auto-compaction, space quota and the database the member starts with
 * @param timerWakeup                plain Raft only: how late the server's election timer thread wakes after its
 *                                   deadline ({@link TimerWakeup}: Linux's timer slack, then a measured wake-up
 *                                   latency, drawn per firing). Default for {@link Flavour#PLAIN_RAFT}: Linux's
 *                                   default slack, {@link #defaultTimerWakeup}; an etcd member's election timer
 *                                   counts ticks and never reads it ({@link TimerWakeup#EXACT})
 *
 * <p>{@code peers} are the voters of the initial cluster ({@code --initial-cluster}); a member not among
 * them joins an existing cluster ({@code --initial-cluster-state existing}): it starts from the initial
 * cluster's configuration (which etcd's log begins with) and learns the changes since from the leader's log
 * or snapshot once it has been added; until then it is no voter and never campaigns.
 */
public record MemberConfig(int id, List<Integer> peers, long heartbeatIntervalNanos, long electionTimeoutNanos,
        boolean preVote, boolean checkQuorum, long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs,
        long maxSizePerMsgBytes, long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu,
        ReadOnlyOption readOnlyOption, long leaseDriftBoundPpm, long tickIntervalNanos, long electionTimeoutMaxNanos,
        Flavour flavour, boolean strictReconfigCheck, MvccOptions mvcc, TimerWakeup timerWakeup) {
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
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(mvcc, "mvcc");
        Objects.requireNonNull(timerWakeup, "timerWakeup");
        if (leaseDriftBoundPpm < 0 || leaseDriftBoundPpm >= 1_000_000) {
            throw new IllegalArgumentException("the lease drift bound must be in [0, 1000000) ppm, got " + leaseDriftBoundPpm);
        }
        if (readOnlyOption == ReadOnlyOption.LEASE_BASED && !checkQuorum) {
            throw new IllegalArgumentException("lease-based reads need checkQuorum");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("member ids are positive, got " + id);
        }
        checkTiming(tickIntervalNanos, heartbeatIntervalNanos, electionTimeoutNanos, electionTimeoutMaxNanos);
        if (snapshotCount <= 0 || snapshotCatchUpEntries < 0 || backendBatchIntervalNanos <= 0 || backendBatchLimit <= 0) {
            throw new IllegalArgumentException("snapshot and backend settings must be positive");
        }
    }

    /** The settings with etcd's timing: one tick per heartbeat, timeouts in {@code [election, 2·election)}. */
    public MemberConfig(int id, List<Integer> peers, long heartbeatIntervalNanos, long electionTimeoutNanos,
            boolean preVote, boolean checkQuorum, long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs,
            long maxSizePerMsgBytes, long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu,
            ReadOnlyOption readOnlyOption, long leaseDriftBoundPpm) {
        this(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit,
                cpu, readOnlyOption, leaseDriftBoundPpm, heartbeatIntervalNanos,
                etcdElectionTimeoutMaxNanos(heartbeatIntervalNanos, electionTimeoutNanos), Flavour.ETCD, true,
                MvccOptions.defaults(), TimerWakeup.EXACT);
    }

    /** The same member as another flavour of server. */
    public MemberConfig withFlavour(Flavour newFlavour) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, newFlavour, strictReconfigCheck, mvcc,
                defaultTimerWakeup(newFlavour));
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
                readOnlyOption, leaseDriftBoundPpm, heartbeatNanos,
                etcdElectionTimeoutMaxNanos(heartbeatNanos, electionNanos), flavour, strictReconfigCheck, mvcc, timerWakeup);
    }

    /**
     * Plain-Raft timing: a Raft tick of {@code tickNanos}, heartbeats every {@code heartbeatNanos}, election
     * timeouts drawn in {@code [electionMinNanos, electionMaxNanos]}; every value a multiple of the tick.
     */
    public MemberConfig withTiming(long tickNanos, long heartbeatNanos, long electionMinNanos, long electionMaxNanos) {
        return new MemberConfig(id, peers, heartbeatNanos, electionMinNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickNanos, electionMaxNanos, flavour, strictReconfigCheck, mvcc, timerWakeup);
    }

    public MemberConfig withCpu(CpuCosts costs) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, costs,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strictReconfigCheck, mvcc, timerWakeup);
    }

    public MemberConfig withSnapshots(long count, long catchUpEntries) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, count,
                catchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strictReconfigCheck, mvcc, timerWakeup);
    }

    /** The same member with {@code --strict-reconfig-check} on or off. */
    public MemberConfig withStrictReconfigCheck(boolean strict) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strict, mvcc, timerWakeup);
    }

    /** The same member with its election timer thread woken as {@code wakeup} says (plain Raft only). */
    public MemberConfig withTimerWakeup(TimerWakeup wakeup) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strictReconfigCheck, mvcc, wakeup);
    }

    /** A plain Raft server's timer thread on Linux with the default slack; nothing for etcd, whose timer counts ticks. */
    public static TimerWakeup defaultTimerWakeup(Flavour flavour) {
        return flavour == Flavour.PLAIN_RAFT ? TimerWakeup.linux(TimerWakeup.LINUX_DEFAULT_SLACK_NANOS) : TimerWakeup.EXACT;
    }

    /** Whether this member was one of the initial cluster's voters (else it joins an existing cluster). */
    public boolean initialMember() {
        return peers.contains(id);
    }

    /** How linearizable reads are served, and for lease reads the clock drift the lease must survive. */
    public MemberConfig withReadOnly(ReadOnlyOption option, long driftBoundPpm) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                option, driftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strictReconfigCheck, mvcc, timerWakeup);
    }

    /** The same member with other MVCC and space settings. */
    public MemberConfig withMvcc(MvccOptions options) {
        return new MemberConfig(id, peers, heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu,
                readOnlyOption, leaseDriftBoundPpm, tickIntervalNanos, electionTimeoutMaxNanos, flavour, strictReconfigCheck, options, timerWakeup);
    }

    /** etcd's largest timeout for a tick of one heartbeat: {@code 2·election − heartbeat} ({@code [T, 2T)} in ticks). */
    public static long etcdElectionTimeoutMaxNanos(long heartbeatNanos, long electionNanos) {
        return 2 * electionNanos - heartbeatNanos;
    }

    private static void checkTiming(long tick, long heartbeat, long electionMin, long electionMax) {
        if (tick <= 0 || heartbeat <= 0 || heartbeat % tick != 0 || electionMin % tick != 0 || electionMax % tick != 0) {
            throw new IllegalArgumentException("the heartbeat interval and the election timeouts must be positive multiples of the tick ("
                    + tick + " ns), got heartbeat " + heartbeat + " ns, election " + electionMin + ".." + electionMax + " ns");
        }
        if (electionMin <= heartbeat || electionMax < electionMin) {
            throw new IllegalArgumentException("the election timeout must exceed the heartbeat interval and its maximum must be"
                    + " at least its minimum, got heartbeat " + heartbeat + " ns, election " + electionMin + ".." + electionMax + " ns");
        }
    }

    /** Smallest election timeout in raft ticks. */
    public int electionTicks() {
        return (int) (electionTimeoutNanos / tickIntervalNanos);
    }

    /** Largest election timeout in raft ticks, inclusive. */
    public int electionTicksMax() {
        return (int) (electionTimeoutMaxNanos / tickIntervalNanos);
    }

    /** Heartbeat interval in raft ticks. */
    public int heartbeatTicks() {
        return (int) (heartbeatIntervalNanos / tickIntervalNanos);
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
