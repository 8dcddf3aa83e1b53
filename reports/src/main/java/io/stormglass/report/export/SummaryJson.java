package io.stormglass.report.export;

import io.stormglass.engine.metrics.Metric;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.report.RunRecord;
import io.stormglass.report.internal.analysis.Availability;
import io.stormglass.report.internal.analysis.Findings;
import io.stormglass.report.internal.analysis.LatencyStats;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RunSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/**
 * {@code summary.json}: the report's summary table and findings as one JSON object with snake_case
 * keys, for sweeps and scripts that compare runs. Durations are in seconds (exact decimals), keys of
 * nested objects are sorted, and nothing in it depends on the wall clock except {@code wall_seconds}.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SummaryJson() {
    }

    public static void write(RunRecord run, RunSummary s, Findings findings, Writer out) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", run.scenarioName());
        o.put("seed", run.seed());
        o.put("fingerprint", run.fingerprintHex());
        o.put("simulated_seconds", Numbers.secondsDecimal(run.simulatedDurationNanos()));
        o.put("wall_seconds", run.wallSeconds());
        o.put("events", run.eventsDispatched());
        o.put("election_timeout_s", Numbers.secondsDecimal(s.electionTimeoutNanos()));
        o.put("leaders_elected", s.leaderships());
        o.put("leader_changes", s.changes().size());
        ArrayNode changeTimes = o.putArray("leader_change_times_s");
        s.changes().forEach(c -> changeTimes.add(Numbers.secondsDecimal(c.atNanos())));
        o.put("slow_fdatasync_warnings", s.warningCount("slow fdatasync"));
        o.put("heartbeat_send_failures", s.heartbeatFailures().values().stream().mapToLong(Long::longValue).sum());
        millis(o.putObject("wal_fsync_ms"), merged(run, Metric.WAL_FSYNC_DURATION));
        client(o.putObject("client"), run);
        Availability a = s.availability();
        o.put("unavailable_s", Numbers.secondsDecimal(a.unavailableNanos()));
        o.put("initial_election_s", Numbers.secondsDecimal(a.initialNanos()));
        o.put("elections", s.elections());
        o.put("pre_vote_campaigns", s.preVotes());
        latencies(o.putObject("client_requests"), s.requests());
        latencies(o.putObject("wal_fsync"), s.fsync());
        ObjectNode warnings = o.putObject("warnings");
        s.warnings().forEach((message, byMember) -> counts(warnings.putObject(message), byMember));
        counts(o.putObject("client_errors"), s.clientErrors());
        counts(o.putObject("heartbeat_send_failures_by_member"), s.heartbeatFailures());
        ArrayNode changes = o.putArray("leader_change_details");
        for (LeaderChange c : s.changes()) {
            ObjectNode change = changes.addObject();
            change.put("time_s", Numbers.secondsDecimal(c.atNanos()));
            change.put("term", c.term());
            change.put("from", c.previousLeader() == 0 ? null : RunRecord.member(c.previousLeader()));
            change.put("to", RunRecord.member(c.newLeader()));
            change.put("previous_leader_crashed", c.previousCrashed());
            change.put("previous_leader_removed", c.previousRemoved());
            change.put("previous_leader_fsync_max_s", Numbers.secondsDecimal(c.fsyncMaxNanos()));
            change.put("device", c.device());
            if (!Double.isNaN(c.utilisationMax())) {
                change.put("device_utilisation_max", c.utilisationMax());
            }
            ObjectNode shares = change.putObject("device_busy_share");
            c.busyShareByIssuer().forEach(shares::put);
            c.activities().forEach(change.putArray("activities")::add);
            c.faults().forEach(change.putArray("faults")::add);
            c.operatorActions().forEach(change.putArray("operator_actions")::add);
        }
        findings.statements().forEach(o.putArray("findings")::add);
        out.write(JSON.writeValueAsString(o));
        out.write('\n');
        out.flush();
    }

    private static void latencies(ObjectNode into, SortedMap<String, LatencyStats> stats) {
        stats.forEach((key, st) -> {
            ObjectNode n = into.putObject(key);
            n.put("count", st.count());
            n.put("p50_s", Numbers.secondsDecimal(st.p50Nanos()));
            n.put("p99_s", Numbers.secondsDecimal(st.p99Nanos()));
            n.put("max_s", Numbers.secondsDecimal(st.maxNanos()));
        });
    }

    /** Requests, successes, errors by etcd's text, and latency over every operation. */
    private static void client(ObjectNode into, RunRecord run) {
        long requests = 0;
        long errors = 0;
        ObjectNode byError = JSON.createObjectNode();
        for (Counter c : run.recorder().counters().values()) {
            if (Metric.CLIENT_REQUESTS.is(c.id())) {
                requests += c.total();
            } else if (Metric.CLIENT_ERRORS.is(c.id()) && c.total() > 0) {
                errors += c.total();
                byError.put(c.id().label("error"), c.total());
            }
        }
        into.put("requests", requests);
        into.put("succeeded", requests - errors);
        into.set("errors", byError);
        millis(into.putObject("latency_ms"), merged(run, Metric.CLIENT_REQUEST_DURATION));
    }

    /** Every series of a latency metric merged into one histogram (all members, all operations). */
    private static Histogram merged(RunRecord run, Metric metric) {
        Histogram all = new Histogram(1, LatencyRecorder.MAX_TRACKED_NANOS, 3);
        for (LatencyRecorder l : run.recorder().latencies().values()) {
            if (metric.is(l.id())) {
                all.add(l.histogramCopy());
            }
        }
        return all;
    }

    private static void millis(ObjectNode into, Histogram h) {
        boolean empty = h.getTotalCount() == 0;
        into.put("p50", empty ? 0 : h.getValueAtPercentile(50) / 1e6);
        into.put("p99", empty ? 0 : h.getValueAtPercentile(99) / 1e6);
        into.put("max", empty ? 0 : h.getMaxValue() / 1e6);
    }

    private static void counts(ObjectNode into, SortedMap<String, Long> counts) {
        counts.forEach(into::put);
    }
}
