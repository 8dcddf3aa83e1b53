package io.stormglass.scenario.capacity;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.Resource;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.run.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one step's run into a {@link CapacityStep}: client latency percentiles (the load starts
 * at the end of the warm-up, so the whole-run histograms hold the step's requests only),
 * successful throughput over the load period, errors, leader changes after the first election,
 * the leader's fdatasync p99, and the leader's resource utilisations over the load period's whole
 * metrics windows; then the SLO's verdict.
 */
final class StepMeasurement {
    private StepMeasurement() {
    }

    static CapacityStep measure(RunResult run, double offeredPerSecond, Slo slo) {
        Scenario s = run.scenario();
        Recorder rec = run.recorder();
        double loadSeconds = (s.durationNanos() - s.warmupNanos()) / 1e9;
        long succeeded = 0;
        for (Map.Entry<MetricId, LatencyRecorder> e : rec.latencies().entrySet()) {
            if (e.getKey().name().equals("client_request_duration_seconds")) {
                succeeded += e.getValue().count();
            }
        }
        long failed = 0;
        for (Map.Entry<MetricId, Counter> e : rec.counters().entrySet()) {
            if (e.getKey().name().equals("client_errors_total")) {
                failed += e.getValue().total();
            }
        }
        LatencyRecorder put = rec.latencies().get(MetricId.of("client_request_duration_seconds", "op", "put"));
        LatencyRecorder get = rec.latencies().get(MetricId.of("client_request_duration_seconds", "op", "get_linearizable"));
        List<TimelineEvent.LeaderChanged> changes = rec.timeline().eventsOf(TimelineEvent.LeaderChanged.class);
        int leaderId = 1;
        Set<String> leaderships = new TreeSet<>();
        for (TimelineEvent.LeaderChanged c : changes) {
            if (c.toLeader() != 0) {
                leaderships.add(c.term() + "/" + c.toLeader());
                leaderId = c.toLeader();
            }
        }
        long leaderChanges = Math.max(0, leaderships.size() - 1);
        MemberSpec leader = s.cluster().members().get(leaderId - 1);
        long window = rec.windowNanos();
        int first = (int) ((s.warmupNanos() + window - 1) / window);
        int end = (int) (s.durationNanos() / window);
        Map<Resource, Double> usage = new ResourceUsage(rec, first, end).of(leader);
        LatencyRecorder fsync = rec.latencies().get(MetricId.of("etcd_disk_wal_fsync_duration_seconds", "member", "n" + leaderId));
        double achieved = succeeded / loadSeconds;
        double errorRatio = succeeded + failed == 0 ? 0 : (double) failed / (succeeded + failed);
        double putP99 = p(put, 99);
        double getP99 = p(get, 99);
        List<String> violations = slo.violations(offeredPerSecond, loadSeconds, achieved, nanIsZero(putP99),
                nanIsZero(getP99), errorRatio, leaderChanges);
        return new CapacityStep(offeredPerSecond, achieved, p(put, 50), putP99, p(get, 50), getP99, errorRatio,
                leaderChanges, p(fsync, 99), usage, violations);
    }

    /** Percentile in milliseconds; NaN if nothing was recorded. */
    private static double p(LatencyRecorder l, double percentile) {
        return l == null || l.count() == 0 ? Double.NaN : l.percentileNanos(percentile) / 1e6;
    }

    private static double nanIsZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
