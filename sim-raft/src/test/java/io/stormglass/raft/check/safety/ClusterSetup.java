package io.stormglass.raft.check.safety;

/**
 * The fixed part of one generated run.
 *
 * @param size           members (3 or 5)
 * @param seed           root seed of the simulation's random streams
 * @param flushMicros    WAL and data device flush time in microseconds
 * @param smallSnapshots snapshot every 20 applied entries keeping 5 (exercises compaction and
 *                       InstallSnapshot) instead of etcd's 10 000 / 5 000
 * @param preVote        etcd's {@code --pre-vote} (default true since 3.5); without it partitions
 *                       cause more elections and term churn
 */
record ClusterSetup(int size, long seed, int flushMicros, boolean smallSnapshots, boolean preVote) {
    static final long HEARTBEAT_NANOS = 50_000_000L;
    static final long ELECTION_NANOS = 500_000_000L;
    static final int CLIENTS = 3;
    static final int KEYS = 3;

    String toYaml(long safetyPhaseMs, long livenessBoundMs) {
        return "seed: " + seed + "\n"
                + "duration: " + safetyPhaseMs + "ms   # safety phase; then every fault heals and a write must commit within "
                + livenessBoundMs + "ms\n"
                + "cluster:\n"
                + "  members: " + size + "\n"
                + "  heartbeat-interval: " + HEARTBEAT_NANOS / 1_000_000 + "ms\n"
                + "  election-timeout: " + ELECTION_NANOS / 1_000_000 + "ms\n"
                + "  pre-vote: " + preVote + "\n"
                + "  snapshot-count: " + (smallSnapshots ? 20 : 10_000) + "\n"
                + "  snapshot-catchup-entries: " + (smallSnapshots ? 5 : 5_000) + "\n"
                + "disks:\n"
                + "  wal: {model: fixed, write: 20us, flush: " + flushMicros + "us}\n"
                + "  data: {model: fixed, write: 20us, flush: " + flushMicros + "us}\n"
                + "workload:\n"
                + "  clients: " + CLIENTS + "\n"
                + "  keys: " + KEYS + "\n"
                + "  mix: {put: 40%, get-linearizable: 35%, cas: 25%}\n"
                + "  think-time: uniform(0ms, 20ms)\n";
    }
}
