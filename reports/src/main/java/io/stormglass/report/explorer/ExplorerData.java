package io.stormglass.report.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.RunRecord;
import io.stormglass.report.explorer.ExplorerTrace.Beat;
import io.stormglass.report.explorer.ExplorerTrace.Fsync;
import io.stormglass.report.explorer.ExplorerTrace.Span;
import io.stormglass.report.explorer.ExplorerTrace.Vote;
import io.stormglass.report.internal.analysis.MarkedSpan;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RoleLanes;
import io.stormglass.report.internal.analysis.RoleSpan;
import java.util.List;
import java.util.Locale;

/**
 * The explorer's data ({@code explorer.json}, also inlined into {@code explorer.html}): the run's
 * identity, the metric lanes at every resolution ({@link SeriesLevels}), the role lanes, leader
 * changes with their stories ({@link StoryTeller}), elections, faults and neighbour bursts, etcd's
 * warnings, and the fine-grained items of the {@link ExplorerTrace}. Times are seconds of virtual
 * time (to the microsecond); a value the run did not record is {@code null}. Field order is fixed,
 * so the same run gives the same bytes.
 */
final class ExplorerData {
    /** The most warnings written; the rest are counted in {@code run.warningsLeftOut}. */
    static final int MAX_WARNINGS = 20_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ExplorerData() {
    }

    static ObjectNode of(RunRecord run, ExplorerTrace trace) {
        List<TimelineEvent> events = run.recorder().timeline().events();
        long end = run.simulatedDurationNanos();
        RecordingView view = new RecordingView(run.recorder(), end);
        RoleLanes lanes = RoleLanes.of(events, run.memberIds(), end);
        ObjectNode root = JSON.objectNode();
        root.put("version", 1);
        root.set("run", runNode(run, trace));
        List<SeriesLevels.Series> series = ExplorerSeries.of(view);
        root.set("series", seriesNode(series));
        root.set("levels", levelsNode(SeriesLevels.build(run.recorder().windowNanos() / 1e9, view.windows(), series)));
        root.set("roles", rolesNode(lanes));
        List<LeaderChangeStory> stories = new StoryTeller(trace, events, end).tell(lanes.leaderships());
        ArrayNode changes = root.putArray("leaderChanges");
        stories.forEach(s -> changes.add(StoryJson.of(s)));
        root.set("elections", electionsNode(events));
        root.set("marks", marksNode(MarkedSpan.of(events, end)));
        root.set("warnings", warningsNode(events, (ObjectNode) root.get("run")));
        root.set("fsyncs", fsyncsNode(trace.fsyncs()));
        root.set("commits", spansNode(trace.backendCommits()));
        root.set("heartbeats", beatsNode(trace.heartbeats()));
        root.set("applies", beatsNode(trace.applies()));
        root.set("votes", votesNode(trace.votes()));
        root.set("requests", RequestsJson.of(trace.requests()));
        return root;
    }

    private static ObjectNode runNode(RunRecord run, ExplorerTrace trace) {
        ObjectNode r = JSON.objectNode();
        r.put("scenario", run.scenarioName());
        r.put("seed", run.seed());
        r.put("fingerprint", run.fingerprintHex());
        r.put("durationS", SimTime.seconds(run.simulatedDurationNanos()));
        ArrayNode members = r.putArray("members");
        run.memberIds().forEach(members::add);
        ObjectNode wal = r.putObject("walDevices");
        run.walDevices().forEach((m, d) -> wal.put(Integer.toString(m), d));
        r.put("heartbeatS", SimTime.seconds(run.timeouts().heartbeatIntervalNanos()));
        r.put("electionS", SimTime.seconds(run.timeouts().electionTimeoutNanos()));
        r.put("traceItemsLeftOut", trace.dropped());
        r.put("warningsLeftOut", 0);
        return r;
    }

    private static ArrayNode seriesNode(List<SeriesLevels.Series> series) {
        ArrayNode out = JSON.arrayNode();
        for (SeriesLevels.Series s : series) {
            out.addObject().put("id", s.id()).put("lane", s.lane()).put("label", s.label()).put("unit", s.unit());
        }
        return out;
    }

    private static ArrayNode levelsNode(List<SeriesLevels.Level> levels) {
        ArrayNode out = JSON.arrayNode();
        for (SeriesLevels.Level l : levels) {
            ObjectNode level = out.addObject();
            level.put("w", l.windowSeconds());
            level.put("t0", 0);
            level.put("n", l.startSeconds().length);
            ObjectNode values = level.putObject("v");
            l.values().forEach((id, v) -> {
                ArrayNode a = values.putArray(id);
                for (double x : v) {
                    a.add(compact(x));
                }
            });
        }
        return out;
    }

    private static ArrayNode rolesNode(RoleLanes lanes) {
        ArrayNode out = JSON.arrayNode();
        lanes.lanes().forEach((m, spans) -> {
            for (RoleSpan s : spans) {
                out.addArray().add(m).add(SimTime.seconds(s.startNanos())).add(SimTime.seconds(s.endNanos()))
                        .add(s.role().name().toLowerCase(Locale.ROOT)).add(s.term());
            }
        });
        return out;
    }

    private static ArrayNode electionsNode(List<TimelineEvent> events) {
        ArrayNode out = JSON.arrayNode();
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.ElectionStarted s) {
                out.addArray().add(SimTime.seconds(s.timeNanos())).add(s.node()).add(s.term()).add(s.preVote() ? 1 : 0);
            }
        }
        return out;
    }

    private static ArrayNode marksNode(List<MarkedSpan> marks) {
        ArrayNode out = JSON.arrayNode();
        for (MarkedSpan s : marks) {
            out.addArray().add(SimTime.seconds(s.startNanos())).add(SimTime.seconds(s.endNanos())).add(s.fault() ? 1 : 0)
                    .add(s.label());
        }
        return out;
    }

    private static ArrayNode warningsNode(List<TimelineEvent> events, ObjectNode run) {
        ArrayNode out = JSON.arrayNode();
        int left = 0;
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.WarningLogged w) {
                if (out.size() >= MAX_WARNINGS) {
                    left++;
                    continue;
                }
                out.addArray().add(SimTime.seconds(w.timeNanos())).add(w.node()).add(w.message())
                        .add(w.durationNanos() == TimelineEvent.WarningLogged.NO_DURATION ? JSON.nullNode()
                                : JSON.numberNode(SimTime.seconds(w.durationNanos())));
            }
        }
        run.put("warningsLeftOut", left);
        return out;
    }

    static ArrayNode fsyncsNode(List<Fsync> fsyncs) {
        ArrayNode out = JSON.arrayNode();
        for (Fsync f : fsyncs) {
            ObjectNode ahead = JSON.objectNode();
            f.queueAhead().forEach(ahead::put);
            out.addArray().add(f.member()).add(SimTime.seconds(f.startNanos())).add(SimTime.seconds(f.endNanos()))
                    .add(f.device()).add(ahead);
        }
        return out;
    }

    private static ArrayNode spansNode(List<Span> spans) {
        ArrayNode out = JSON.arrayNode();
        for (Span s : spans) {
            out.addArray().add(s.member()).add(SimTime.seconds(s.startNanos())).add(SimTime.seconds(s.endNanos()));
        }
        return out;
    }

    private static ArrayNode beatsNode(List<Beat> beats) {
        ArrayNode out = JSON.arrayNode();
        for (Beat b : beats) {
            out.addArray().add(b.member()).add(SimTime.seconds(b.timeNanos()));
        }
        return out;
    }

    static ArrayNode votesNode(List<Vote> votes) {
        ArrayNode out = JSON.arrayNode();
        for (Vote v : votes) {
            out.addArray().add(SimTime.seconds(v.timeNanos())).add(v.candidate()).add(v.voter()).add(v.term())
                    .add(v.preVote() ? 1 : 0).add(v.granted() ? 1 : 0);
        }
        return out;
    }

    /** A value with four significant digits (the page draws lines, not tables), null for NaN. */
    static JsonNode compact(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return JSON.nullNode();
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return JSON.numberNode((long) x);
        }
        return JSON.numberNode(new java.math.BigDecimal(x).round(new java.math.MathContext(4)).doubleValue());
    }
}
