package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's sentence on defragmentation ({@code maintenance: defrag} on the fault timeline): which
 * members it held and for how long, and the slowest client request in the metric windows it touched.
 * etcd's defrag holds the backend while it rewrites the database file, so the member's applies and
 * reads wait; the slowest request says what the clients saw of it.
 */
final class DefragFinding {
    private static final String LABEL = TimelineEvent.ActivityMarked.DEFRAG;

    private DefragFinding() {
    }

    /** The sentence, or null if no member was defragmented. */
    static String sentence(RecordingView view, List<? extends TimelineEvent> events) {
        List<MarkedSpan> spans = new ArrayList<>();
        for (MarkedSpan s : MarkedSpan.of(events, view.durationNanos())) {
            if (!s.fault() && s.label().endsWith(": " + LABEL)) {
                spans.add(s);
            }
        }
        if (spans.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        long slowestNanos = 0;
        for (MarkedSpan s : spans) {
            String member = s.label().substring(0, s.label().length() - LABEL.length() - 2);
            parts.add(member + " for " + Durations.human(s.endNanos() - s.startNanos()) + " from "
                    + Findings.seconds(s.startNanos()));
            slowestNanos = Math.max(slowestNanos, slowestRequestNanos(view, s));
        }
        StringBuilder text = new StringBuilder("Defragmentation held ").append(String.join(", ", parts))
                .append(" (its backend: applies and reads wait on the member)");
        if (slowestNanos > 0) {
            text.append("; the slowest client request in the windows it touched took ").append(Durations.human(slowestNanos));
        }
        return text.append('.').toString();
    }

    /** The largest client request duration in the metric windows that meet {@code span}, in nanoseconds. */
    private static long slowestRequestNanos(RecordingView view, MarkedSpan span) {
        long slowest = 0;
        int first = Math.max(0, view.windowAt(span.startNanos()));
        int last = Math.min(view.windows() - 1, view.windowAt(span.endNanos()));
        for (LatencyRecorder l : view.latencies(Metric.CLIENT_REQUEST_DURATION).values()) {
            for (int w = first; w <= last && w < l.windowCount(); w++) {
                slowest = Math.max(slowest, (long) l.windowRow(w)[LatencyRecorder.MAX]);
            }
        }
        return slowest;
    }
}
