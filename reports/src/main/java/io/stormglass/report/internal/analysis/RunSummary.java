package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.RunRecord;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a run's summary table, all from recorded data.
 *
 * @param electionTimeoutNanos the members' election timeout, which the analysis measures gaps against
 * @param leaderships          leaders elected over the run (the first included)
 * @param changes              every leader change after the first leader, with its evidence
 * @param availability         time with no leader known to a majority
 * @param requests             client request latency by {@code op}
 * @param fsync                WAL fdatasync latency by member ({@code n<id>})
 * @param warnings             warning counts by message, then member ({@code n<id>})
 * @param clientErrors         client errors by error text
 * @param heartbeatFailures    heartbeat send failures by member
 * @param elections            elections started (pre-votes excluded)
 * @param preVotes             pre-vote campaigns started
 * @param lanes                each member's roles over time
 */
public record RunSummary(long electionTimeoutNanos, int leaderships,
                         List<LeaderChange> changes, Availability availability,
                         SortedMap<String, LatencyStats> requests, SortedMap<String, LatencyStats> fsync,
                         SortedMap<String, SortedMap<String, Long>> warnings, SortedMap<String, Long> clientErrors,
                         SortedMap<String, Long> heartbeatFailures, long elections, long preVotes,
                         RoleLanes lanes) {

    public static RunSummary of(RunRecord run) {
        RecordingView view = new RecordingView(run.recorder(), run.simulatedDurationNanos());
        List<TimelineEvent> events = run.recorder().timeline().events();
        long timeout = run.timeouts().electionTimeoutNanos();
        RoleLanes lanes = RoleLanes.of(events, run.memberIds(), run.simulatedDurationNanos());
        List<LeaderChange> changes = new LeaderChanges(view, events, run.walDevices(), timeout).analyse(lanes);

        SortedMap<String, SortedMap<String, Long>> warnings = new TreeMap<>();
        long elections = 0;
        long preVotes = 0;
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.WarningLogged w) {
                warnings.computeIfAbsent(w.message(), k -> new TreeMap<>()).merge(RunRecord.member(w.node()), 1L, Long::sum);
            } else if (e instanceof TimelineEvent.ElectionStarted s) {
                if (s.preVote()) {
                    preVotes++;
                } else {
                    elections++;
                }
            }
        }
        return new RunSummary(timeout, lanes.leaderships().size(),
                List.copyOf(changes), Availability.of(events, run.memberIds(), run.simulatedDurationNanos()),
                latencies(view, Metric.CLIENT_REQUEST_DURATION, Label.OP),
                latencies(view, Metric.WAL_FSYNC_DURATION, Label.MEMBER),
                Collections.unmodifiableSortedMap(warnings),
                totals(view.counters(Metric.CLIENT_ERRORS), Label.ERROR),
                totals(view.counters(Metric.HEARTBEAT_SEND_FAILURES), Label.MEMBER),
                elections, preVotes, lanes);
    }

    /** Total of a warning message over all members. */
    public long warningCount(String message) {
        return warnings.getOrDefault(message, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
    }

    private static SortedMap<String, LatencyStats> latencies(RecordingView view, Metric metric, Label label) {
        SortedMap<String, LatencyStats> out = new TreeMap<>();
        view.latencies(metric).forEach((id, l) -> out.put(labelOr(id, label), LatencyStats.of(l)));
        return Collections.unmodifiableSortedMap(out);
    }

    private static SortedMap<String, Long> totals(SortedMap<MetricId, Counter> counters, Label label) {
        SortedMap<String, Long> out = new TreeMap<>();
        counters.forEach((id, c) -> out.merge(labelOr(id, label), c.total(), Long::sum));
        return Collections.unmodifiableSortedMap(out);
    }

    private static String labelOr(MetricId id, Label label) {
        String v = Metric.label(id, label);
        return v == null ? id.labels() : v;
    }
}
