package io.stormglass.raft.server.internal;

import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.server.MemberConfig;

/**
 * The leader's late-heartbeat warning, as etcd's raft loop raises it: a heartbeat to a follower
 * sent more than twice the heartbeat interval after the previous one logs {@code leader failed to
 * send out heartbeat on time; took too long, leader is overloaded likely from slow disk} and counts
 * in {@code etcd_server_heartbeat_send_failures_total}.
 */
final class HeartbeatWatch {
    private final long heartbeatIntervalNanos;
    private final HeartbeatDetector detector;
    private final MemberLog log;
    private final MemberMetrics metrics;

    HeartbeatWatch(MemberConfig config, MemberLog log, MemberMetrics metrics) {
        this.heartbeatIntervalNanos = config.heartbeatIntervalNanos();
        this.detector = new HeartbeatDetector(2 * heartbeatIntervalNanos);
        this.log = log;
        this.metrics = metrics;
    }

    /** Forgets every follower (this member just became leader). */
    void reset() {
        detector.reset();
    }

    /** The leader sends {@code msg} at {@code nowNanos}: warns if it is a late heartbeat. */
    void sending(Message msg, long nowNanos) {
        if (!(msg instanceof MsgHeartbeat)) {
            return;
        }
        long exceeded = detector.observe(msg.to(), nowNanos);
        if (exceeded > 0) {
            log.warn("leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk", exceeded,
                    "to", Long.toHexString(msg.to()),
                    "heartbeat-interval", GoDuration.format(heartbeatIntervalNanos),
                    "expected-duration", GoDuration.format(2 * heartbeatIntervalNanos),
                    "exceeded-duration", GoDuration.format(exceeded));
            metrics.heartbeatSendFailures.increment();
        }
    }
}
