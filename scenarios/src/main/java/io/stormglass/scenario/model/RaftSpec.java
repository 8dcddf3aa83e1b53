package io.stormglass.scenario.model;

import io.stormglass.engine.exec.TimerWakeup;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Flavour;
import java.util.Optional;

/**
 * Raft and server settings under etcd's flag names (nanoseconds, bytes, counts).
 *
 * <p>Timing. The Raft core counts time in ticks; the member's ticker delivers one every
 * {@code tickIntervalNanos} of its local clock, at a phase of its own. etcd ticks once per
 * heartbeat interval ({@code raftNode}: {@code time.NewTicker(heartbeat)}), so under the
 * {@link Flavour#ETCD} defaults the tick is the heartbeat and the election timeout is drawn in
 * {@code [T, 2T)} heartbeats (etcd-io/raft's {@code [electionTick, 2·electionTick)}), which is
 * {@code [T, 2T − tick]} here. A finer tick (1 ms, 100 µs) expresses timeouts that are not whole
 * heartbeats, such as the Raft paper's 150–155 ms (§9.3). Heartbeat and both timeout bounds are
 * multiples of the tick.
 *
 * @param heartbeatIntervalNanos    {@code heartbeat-interval}: how often a leader sends heartbeats
 * @param electionTimeoutNanos      {@code election-timeout} (or its {@code min}): the smallest randomized
 *                                  election timeout
 * @param preVote                   {@code pre-vote}
 * @param checkQuorum               {@code check-quorum}
 * @param snapshotCount             {@code snapshot-count}
 * @param snapshotCatchUpEntries    {@code snapshot-catch-up-entries}
 * @param maxInflightMsgs           {@code max-inflight-msgs}
 * @param maxSizePerMsgBytes        {@code max-size-per-msg}
 * @param backendBatchIntervalNanos {@code backend-batch-interval}
 * @param backendBatchLimit         {@code backend-batch-limit}
 * @param cpu                       CPU costs per operation on the member's threads
 * @param flavour                   {@code flavour}: whose start-up rules and defaults apply, and whose server the
 *                                  members imitate. {@code etcd} (v3.5): its start-up checks (election timeout at
 *                                  least 5 × and, here, a multiple of the heartbeat; at most 50 s; heartbeat in
 *                                  whole ms), one tick per heartbeat, timeouts in {@code [T, 2T)}, PreVote and
 *                                  CheckQuorum on. {@code plain-raft}: an experiment after the Raft paper and
 *                                  LogCabin (§9.3; LogCabin's {@code RaftConsensus}: {@code HEARTBEAT_PERIOD =
 *                                  ELECTION_TIMEOUT / 2}, timeouts drawn in {@code [T, 2T]} milliseconds): heartbeat
 *                                  ½ of the minimum timeout, no PreVote, no CheckQuorum unless asked for, a tick
 *                                  fine enough for the timeouts (1 ms, LogCabin's timer resolution, when it divides
 *                                  them), etcd's start-up rules lifted, and the server of {@link Flavour#PLAIN_RAFT}
 * @param tickIntervalNanos         {@code tick-interval}: the Raft tick (etcd: the heartbeat interval)
 * @param electionTimeoutMaxNanos   {@code election-timeout.max}: the largest randomized election timeout,
 *                                  inclusive (etcd: {@code 2·election-timeout − tick})
 * @param strictReconfigCheck       etcd's {@code --strict-reconfig-check} (default true, server/embed/config.go
 *                                  {@code DefaultStrictReconfigCheck}): refuse membership changes that would leave fewer
 *                                  started voters than a quorum
 * @param timerSlackNanos           {@code timer-slack}, plain Raft only: the timer slack of the server's election timer
 *                                  thread (Linux's default for a normal thread, 50 µs; see
 *                                  {@link io.stormglass.engine.exec.TimerWakeup}, which adds a measured wake-up latency);
 *                                  0 for etcd, whose election timer counts ticks
 * @param readOnlyOption            {@code read-only}: how a leader serves linearizable reads, ReadIndex ({@code safe},
 *                                  etcd's only mode) or from its lease ({@code lease-based}, thesis §6.4.1; needs
 *                                  {@code checkQuorum})
 * @param leaseDriftBoundPpm        {@code lease-drift-bound}: the largest clock rate error the lease allows for, in
 *                                  parts per million ({@link RaftConfig#leaseDriftBoundPpm()})
 */
public record RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
        long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
        long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu, Flavour flavour, long tickIntervalNanos,
        long electionTimeoutMaxNanos, boolean strictReconfigCheck, long timerSlackNanos, ReadOnlyOption readOnlyOption,
        long leaseDriftBoundPpm) {

    /** The settings with ReadIndex reads (etcd's). */
    public RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
            long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
            long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu, Flavour flavour, long tickIntervalNanos,
            long electionTimeoutMaxNanos, boolean strictReconfigCheck, long timerSlackNanos) {
        this(heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount, snapshotCatchUpEntries,
                maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu, flavour, tickIntervalNanos,
                electionTimeoutMaxNanos, strictReconfigCheck, timerSlackNanos, ReadOnlyOption.SAFE,
                RaftConfig.DEFAULT_LEASE_DRIFT_BOUND_PPM);
    }

    /** The settings with the flavour's timer slack (Linux's default for plain Raft). */
    public RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
            long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
            long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu, Flavour flavour, long tickIntervalNanos,
            long electionTimeoutMaxNanos, boolean strictReconfigCheck) {
        this(heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount, snapshotCatchUpEntries,
                maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu, flavour, tickIntervalNanos,
                electionTimeoutMaxNanos, strictReconfigCheck, defaultTimerSlackNanos(flavour));
    }

    /** The settings with etcd's default {@code --strict-reconfig-check} (on). */
    public RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
            long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
            long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu, Flavour flavour, long tickIntervalNanos,
            long electionTimeoutMaxNanos) {
        this(heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount, snapshotCatchUpEntries,
                maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu, flavour, tickIntervalNanos,
                electionTimeoutMaxNanos, true);
    }

    /** The timer slack a member of {@code flavour} gets unless told: Linux's default for plain Raft, none for etcd. */
    public static long defaultTimerSlackNanos(Flavour flavour) {
        return flavour == Flavour.PLAIN_RAFT ? TimerWakeup.LINUX_DEFAULT_SLACK_NANOS : 0;
    }

    /** The name of {@code flavour} in a scenario file: {@code etcd} or {@code plain-raft}. */
    public static String yamlName(Flavour flavour) {
        return flavour == Flavour.ETCD ? "etcd" : "plain-raft";
    }

    /** etcd-flavoured settings: one tick per heartbeat, timeouts in {@code [election, 2·election − heartbeat]}. */
    public RaftSpec(long heartbeatIntervalNanos, long electionTimeoutNanos, boolean preVote, boolean checkQuorum,
            long snapshotCount, long snapshotCatchUpEntries, int maxInflightMsgs, long maxSizePerMsgBytes,
            long backendBatchIntervalNanos, int backendBatchLimit, CpuCosts cpu) {
        this(heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount, snapshotCatchUpEntries,
                maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu, Flavour.ETCD,
                heartbeatIntervalNanos, 2 * electionTimeoutNanos - heartbeatIntervalNanos);
    }

    /** The largest timeout a scalar {@code election-timeout} gets under {@code flavour}: etcd {@code 2T − tick}, plain Raft {@code 2T}. */
    public static long defaultElectionTimeoutMaxNanos(Flavour flavour, long minNanos, long tickNanos) {
        return flavour == Flavour.ETCD ? 2 * minNanos - tickNanos : 2 * minNanos;
    }

    /** Whether the maximum is the flavour's default for the minimum (a scalar {@code election-timeout} says it all). */
    public boolean electionTimeoutIsScalar() {
        return electionTimeoutMaxNanos == defaultElectionTimeoutMaxNanos(flavour, electionTimeoutNanos, tickIntervalNanos);
    }

    /** The one-line note a command prints once when etcd's start-up rules were not applied; empty for etcd. */
    public Optional<String> startupNote() {
        if (flavour == Flavour.ETCD) {
            return Optional.empty();
        }
        return Optional.of("note: cluster.flavour is plain-raft: etcd's start-up rules (election-timeout ≥ 5 × heartbeat-interval,"
                + " a multiple of it, ≤ 50s; heartbeat in whole ms) are not applied");
    }

    /** The same settings with other CPU costs (a faster or slower core). */
    public RaftSpec withCpu(CpuCosts costs) {
        return new RaftSpec(heartbeatIntervalNanos, electionTimeoutNanos, preVote, checkQuorum, snapshotCount,
                snapshotCatchUpEntries, maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, costs,
                flavour, tickIntervalNanos, electionTimeoutMaxNanos, strictReconfigCheck, timerSlackNanos, readOnlyOption,
                leaseDriftBoundPpm);
    }

    /** The same settings with another timing (a sweep point, a reference experiment). */
    public RaftSpec withTiming(Flavour newFlavour, long tickNanos, long heartbeatNanos, long electionMinNanos, long electionMaxNanos) {
        return new RaftSpec(heartbeatNanos, electionMinNanos, preVote, checkQuorum, snapshotCount, snapshotCatchUpEntries,
                maxInflightMsgs, maxSizePerMsgBytes, backendBatchIntervalNanos, backendBatchLimit, cpu, newFlavour, tickNanos,
                electionMaxNanos, strictReconfigCheck, newFlavour == flavour ? timerSlackNanos : defaultTimerSlackNanos(newFlavour),
                readOnlyOption, leaseDriftBoundPpm);
    }
}
