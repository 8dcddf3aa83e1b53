package io.stormglass.raft.server.internal;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;

/** A member's metrics, under etcd's names, labelled {@code member=n<id>}. Latencies in nanoseconds. */
public final class MemberMetrics {
    public final LatencyRecorder walFsync;
    public final LatencyRecorder backendCommit;
    public final Counter leaderChanges;
    public final Counter heartbeatSendFailures;
    public final Counter slowReadIndexes;
    public final Counter readIndexFailed;
    public final Counter proposalsFailed;
    public final Counter proposalsApplied;
    public final Counter slowApplies;
    public final Counter slowFdatasyncs;
    public final Counter ticksDropped;

    public MemberMetrics(Recorder recorder, String member) {
        walFsync = recorder.latency(MetricId.of("etcd_disk_wal_fsync_duration_seconds", "member", member));
        backendCommit = recorder.latency(MetricId.of("etcd_disk_backend_commit_duration_seconds", "member", member));
        leaderChanges = recorder.counter(MetricId.of("etcd_server_leader_changes_seen_total", "member", member));
        heartbeatSendFailures = recorder.counter(MetricId.of("etcd_server_heartbeat_send_failures_total", "member", member));
        slowReadIndexes = recorder.counter(MetricId.of("etcd_server_slow_read_indexes_total", "member", member));
        readIndexFailed = recorder.counter(MetricId.of("etcd_server_read_indexes_failed_total", "member", member));
        proposalsFailed = recorder.counter(MetricId.of("etcd_server_proposals_failed_total", "member", member));
        proposalsApplied = recorder.counter(MetricId.of("etcd_server_proposals_applied_total", "member", member));
        slowApplies = recorder.counter(MetricId.of("etcd_server_slow_apply_total", "member", member));
        slowFdatasyncs = recorder.counter(MetricId.of("etcd_disk_wal_slow_fdatasync_total", "member", member));
        ticksDropped = recorder.counter(MetricId.of("stormglass_raft_ticks_dropped_total", "member", member));
    }
}
