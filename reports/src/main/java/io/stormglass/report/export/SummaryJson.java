package io.stormglass.report.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.report.RunRecord;
import io.stormglass.report.internal.analysis.Availability;
import io.stormglass.report.internal.analysis.Findings;
import io.stormglass.report.internal.analysis.LatencyStats;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RunSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.SortedMap;

/**
 * {@code summary.json}: the report's summary table and findings as one JSON object with snake_case
 * keys, for sweeps and scripts that compare runs. Durations are in seconds (exact decimals), keys of
 * nested objects are sorted, and nothing in it depends on the wall clock except {@code wall_s}.
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
        o.put("simulated_s", Numbers.secondsDecimal(run.simulatedDurationNanos()));
        o.put("wall_s", run.wallSeconds());
        o.put("events_dispatched", run.eventsDispatched());
        o.put("election_timeout_s", Numbers.secondsDecimal(s.electionTimeoutNanos()));
        o.put("leaders_elected", s.leaderships());
        o.put("leader_changes", s.changes().size());
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
        counts(o.putObject("heartbeat_send_failures"), s.heartbeatFailures());
        ArrayNode changes = o.putArray("leader_change_details");
        for (LeaderChange c : s.changes()) {
            ObjectNode change = changes.addObject();
            change.put("time_s", Numbers.secondsDecimal(c.atNanos()));
            change.put("term", c.term());
            change.put("from", c.previousLeader() == 0 ? null : RunRecord.member(c.previousLeader()));
            change.put("to", RunRecord.member(c.newLeader()));
            change.put("previous_leader_crashed", c.previousCrashed());
            change.put("previous_leader_fsync_max_s", Numbers.secondsDecimal(c.fsyncMaxNanos()));
            change.put("device", c.device());
            if (!Double.isNaN(c.utilisationMax())) {
                change.put("device_utilisation_max", c.utilisationMax());
            }
            ObjectNode shares = change.putObject("device_busy_share");
            c.busyShareByIssuer().forEach(shares::put);
            c.activities().forEach(change.putArray("activities")::add);
            c.faults().forEach(change.putArray("faults")::add);
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

    private static void counts(ObjectNode into, SortedMap<String, Long> counts) {
        counts.forEach(into::put);
    }
}
