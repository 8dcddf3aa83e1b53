package io.stormglass.raft.server.internal;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
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
    /** Time between consecutive heartbeats a member receives (no etcd metric; what a follower's election timer sees). */
    public final LatencyRecorder heartbeatGap;
    public final Counter promoteSuccesses;
    public final Counter promoteFailures;
    /** 1 while the member's own applied configuration lists it as a learner (etcd's {@code etcd_server_is_learner}). */
    private boolean learner;
    public final LatencyRecorder defrag;

    public MemberMetrics(Recorder recorder, String member) {
        walFsync = recorder.latency(Metric.WAL_FSYNC_DURATION.id(member));
        backendCommit = recorder.latency(Metric.BACKEND_COMMIT_DURATION.id(member));
        leaderChanges = recorder.counter(Metric.LEADER_CHANGES_SEEN.id(member));
        heartbeatSendFailures = recorder.counter(Metric.HEARTBEAT_SEND_FAILURES.id(member));
        slowReadIndexes = recorder.counter(Metric.SLOW_READ_INDEXES.id(member));
        readIndexFailed = recorder.counter(Metric.READ_INDEXES_FAILED.id(member));
        proposalsFailed = recorder.counter(Metric.PROPOSALS_FAILED.id(member));
        proposalsApplied = recorder.counter(Metric.PROPOSALS_APPLIED.id(member));
        slowApplies = recorder.counter(Metric.SLOW_APPLIES.id(member));
        slowFdatasyncs = recorder.counter(Metric.WAL_SLOW_FDATASYNCS.id(member));
        ticksDropped = recorder.counter(Metric.RAFT_TICKS_DROPPED.id(member));
        heartbeatGap = recorder.latency(Metric.FOLLOWER_HEARTBEAT_GAP.id(member));
        promoteSuccesses = recorder.counter(Metric.LEARNER_PROMOTE_SUCCESSES.id(member));
        promoteFailures = recorder.counter(Metric.LEARNER_PROMOTE_FAILURES.id(member));
        recorder.gauge(Metric.IS_LEARNER.id(member), () -> learner ? 1 : 0);
        defrag = recorder.latency(Metric.DEFRAG_DURATION.id(member));
    }

    /** Sets {@code etcd_server_is_learner}. */
    public void learner(boolean isLearner) {
        learner = isLearner;
    }
}
