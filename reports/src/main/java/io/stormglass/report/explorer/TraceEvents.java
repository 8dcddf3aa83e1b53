package io.stormglass.report.explorer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.report.RunRecord;
import io.stormglass.report.explorer.ExplorerTrace.Beat;
import io.stormglass.report.explorer.ExplorerTrace.Fsync;
import io.stormglass.report.explorer.ExplorerTrace.RequestSpan;
import io.stormglass.report.explorer.ExplorerTrace.Span;
import io.stormglass.report.explorer.ExplorerTrace.Vote;
import io.stormglass.report.internal.analysis.RoleLanes;
import io.stormglass.report.internal.analysis.RoleSpan;
import java.util.List;
import java.util.Locale;

/**
 * {@code trace.json}: the members' simulated threads in Chrome's trace-event format, which
 * ui.perfetto.dev and chrome://tracing open. One process per member ({@code pid} = member id) with
 * the threads of an etcd member: its role, the raft loop (each WAL fdatasync as a slice, the raft
 * loop being blocked in it; each heartbeat it sent as an instant), the node loop (each vote answer
 * its core stepped), the apply loop (each instant entries were applied) and the backend (each
 * bbolt commit as a slice), and the sampled client requests as async slices with their stages.
 * Timestamps are microseconds of virtual time. Holds what the run's
 * {@link ExplorerTrace} kept: every slow fdatasync and everything near each leader change.
 */
final class TraceEvents {
    static final int ROLE = 1;
    static final int RAFT_LOOP = 2;
    static final int NODE_LOOP = 3;
    static final int APPLY = 4;
    static final int BACKEND = 5;
    static final int REQUESTS = 6;
    private static final List<String> THREADS = List.of("role", "raft loop", "node loop", "apply", "backend", "requests (sampled)");

    private TraceEvents() {
    }

    static ObjectNode of(RunRecord run, ExplorerTrace trace) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("displayTimeUnit", "ms");
        ArrayNode ev = root.putArray("traceEvents");
        for (int m : run.memberIds()) {
            meta(ev, m, 0, "process_name", "n" + m);
            for (int t = 0; t < THREADS.size(); t++) {
                meta(ev, m, t + 1, "thread_name", THREADS.get(t));
            }
        }
        RoleLanes lanes = RoleLanes.of(run.recorder().timeline().events(), run.memberIds(), run.simulatedDurationNanos());
        lanes.lanes().forEach((m, spans) -> {
            for (RoleSpan s : spans) {
                slice(ev, m, ROLE, s.role().name().toLowerCase(Locale.ROOT) + " (term " + s.term() + ")", "role",
                        s.startNanos(), s.endNanos());
            }
        });
        for (Fsync f : trace.fsyncs()) {
            ObjectNode args = slice(ev, f.member(), RAFT_LOOP, "fdatasync (raft loop blocked)", "wal", f.startNanos(), f.endNanos())
                    .putObject("args");
            args.put("device", f.device());
            f.queueAhead().forEach((issuer, n) -> args.put("queued ahead: " + issuer, n));
        }
        for (Beat b : trace.heartbeats()) {
            instant(ev, b.member(), RAFT_LOOP, "heartbeat sent", b.timeNanos());
        }
        for (Vote v : trace.votes()) {
            instant(ev, v.candidate(), NODE_LOOP, (v.preVote() ? "pre-vote " : "vote ") + (v.granted() ? "granted by n" : "rejected by n")
                    + v.voter() + " (term " + v.term() + ")", v.timeNanos());
        }
        for (Beat b : trace.applies()) {
            instant(ev, b.member(), APPLY, "applied", b.timeNanos());
        }
        for (Span s : trace.backendCommits()) {
            slice(ev, s.member(), BACKEND, "backend commit", "backend", s.startNanos(), s.endNanos());
        }
        for (RequestSpan r : trace.requests()) {
            request(ev, r);
        }
        return root;
    }

    /** A sampled request as an async slice of its member (requests overlap), its stages as arguments in ms from its start. */
    private static void request(ArrayNode ev, RequestSpan r) {
        String name = r.write() ? "put" : "linearizable read";
        ObjectNode begin = ev.addObject().put("ph", "b").put("cat", "request").put("id", Long.toHexString(r.requestId()))
                .put("pid", r.member()).put("tid", REQUESTS).put("name", name).put("ts", micros(r.startNanos()));
        ObjectNode args = begin.putObject("args");
        for (ExplorerTrace.Stage st : r.stages()) {
            args.put(st.name(), (st.timeNanos() - r.startNanos()) / 1e6 + " ms");
        }
        ev.addObject().put("ph", "e").put("cat", "request").put("id", Long.toHexString(r.requestId()))
                .put("pid", r.member()).put("tid", REQUESTS).put("name", name).put("ts", micros(r.endNanos()));
    }

    private static void meta(ArrayNode ev, int pid, int tid, String name, String value) {
        ObjectNode e = ev.addObject().put("ph", "M").put("pid", pid).put("tid", tid).put("name", name);
        e.putObject("args").put("name", value);
    }

    private static ObjectNode slice(ArrayNode ev, int pid, int tid, String name, String cat, long startNanos, long endNanos) {
        return ev.addObject().put("ph", "X").put("pid", pid).put("tid", tid).put("name", name).put("cat", cat)
                .put("ts", micros(startNanos)).put("dur", micros(endNanos - startNanos));
    }

    private static void instant(ArrayNode ev, int pid, int tid, String name, long nanos) {
        ev.addObject().put("ph", "i").put("s", "t").put("pid", pid).put("tid", tid).put("name", name).put("ts", micros(nanos));
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 1000.0 * 1000) / 1000.0;
    }
}
