package io.stormglass.report;

/**
 * The Raft timers a run's members used, in nanoseconds (etcd's {@code --heartbeat-interval} and
 * {@code --election-timeout}). Carried as numbers from the run to the report, never as text.
 */
public record RaftTimeouts(long heartbeatIntervalNanos, long electionTimeoutNanos) {
    public RaftTimeouts {
        if (heartbeatIntervalNanos <= 0 || electionTimeoutNanos <= 0) {
            throw new IllegalArgumentException("timeouts must be positive: heartbeat " + heartbeatIntervalNanos
                    + " ns, election " + electionTimeoutNanos + " ns");
        }
    }
}
