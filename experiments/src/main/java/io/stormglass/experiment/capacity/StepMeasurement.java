package io.stormglass.experiment.capacity;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.Resource;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.run.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one step's run into a {@link CapacityStep}: over the measured period, client latency
 * percentiles, successful throughput, errors, the leader's fdatasync p99 and its resource
 * utilisations (over the period's whole metrics windows); leader changes over the whole run
 * after the first election; then the SLO's verdict.
 */
final class StepMeasurement {
    private StepMeasurement() {
    }

    static CapacityStep measure(RunResult run, MeasuredPeriod period, double offeredPerSecond, Slo slo) {
        Scenario s = run.scenario();
        Recorder rec = run.recorder();
        double seconds = (s.durationNanos() - period.fromNanos()) / 1e9;
        long succeeded = 0;
        for (Map.Entry<MetricId, LatencyRecorder> e : rec.latencies().entrySet()) {
            if (Metric.CLIENT_REQUEST_DURATION.is(e.getKey())) {
                succeeded += period.since(e.getValue()).getTotalCount();
            }
        }
        long failed = 0;
        for (Map.Entry<MetricId, Counter> e : rec.counters().entrySet()) {
            if (Metric.CLIENT_ERRORS.is(e.getKey())) {
                failed += period.since(e.getValue());
            }
        }
        LatencyRecorder put = rec.latencies().get(Metric.CLIENT_REQUEST_DURATION.id("put"));
        LatencyRecorder get = rec.latencies().get(Metric.CLIENT_REQUEST_DURATION.id("get_linearizable"));
        int leaderId = 1;
        Set<String> leaderships = new TreeSet<>();
        for (TimelineEvent.LeaderChanged c : rec.timeline().eventsOf(TimelineEvent.LeaderChanged.class)) {
            if (c.toLeader() != 0) {
                leaderships.add(c.term() + "/" + c.toLeader());
                leaderId = c.toLeader();
            }
        }
        long leaderChanges = Math.max(0, leaderships.size() - 1);
        MemberSpec leader = s.cluster().members().get(leaderId - 1);
        long window = rec.windowNanos();
        int first = (int) ((period.fromNanos() + window - 1) / window);
        int end = (int) (s.durationNanos() / window);
        Map<Resource, Double> usage = new ResourceUsage(rec, period, first, end).of(leader);
        LatencyRecorder fsync = rec.latencies().get(Metric.WAL_FSYNC_DURATION.id("n" + leaderId));
        double achieved = succeeded / seconds;
        double errorRatio = succeeded + failed == 0 ? 0 : (double) failed / (succeeded + failed);
        double putP99 = period.percentileMs(put, 99);
        double getP99 = period.percentileMs(get, 99);
        List<String> violations = slo.violations(offeredPerSecond, seconds, achieved, nanIsZero(putP99), nanIsZero(getP99),
                errorRatio, leaderChanges);
        return new CapacityStep(offeredPerSecond, achieved, period.percentileMs(put, 50), putP99, period.percentileMs(get, 50),
                getP99, errorRatio, leaderChanges, period.percentileMs(fsync, 99), usage, violations);
    }

    private static double nanIsZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
