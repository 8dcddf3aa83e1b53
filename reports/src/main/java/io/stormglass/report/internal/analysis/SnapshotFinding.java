package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's sentence on database snapshots sent between members (a lagging or new member catching
 * up), from etcd's own metrics: {@code etcd_network_snapshot_send_total_duration_seconds} (from the
 * send to the receiver's answer, once it has written the file) and
 * {@code etcd_network_snapshot_send_failures}. A snapshot is the whole database file, so on a slow disk
 * or a shared NIC its transfer is when the members' other traffic suffers.
 */
final class SnapshotFinding {
    private SnapshotFinding() {
    }

    /** The sentence, or null if no snapshot was sent. */
    static String sentence(RecordingView view) {
        List<String> sent = new ArrayList<>();
        for (Map.Entry<MetricId, LatencyRecorder> e : view.latencies(Metric.SNAPSHOT_SEND_DURATION).entrySet()) {
            LatencyRecorder l = e.getValue();
            if (l.count() > 0) {
                String took = Durations.human(l.maxNanos());
                sent.add(pair(e.getKey()) + (l.count() == 1 ? " (" + took + ")" : " ×" + l.count() + " (longest " + took + ")"));
            }
        }
        List<String> failed = new ArrayList<>();
        for (Map.Entry<MetricId, Counter> e : view.counters(Metric.SNAPSHOT_SEND_FAILURES).entrySet()) {
            if (e.getValue().total() > 0) {
                failed.add(pair(e.getKey()) + " ×" + e.getValue().total());
            }
        }
        if (sent.isEmpty() && failed.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Database snapshots sent, from the send to the receiver's answer: ")
                .append(sent.isEmpty() ? "none completed" : String.join(", ", sent));
        if (!failed.isEmpty()) {
            text.append("; failed: ").append(String.join(", ", failed));
        }
        return text.append('.').toString();
    }

    private static String pair(MetricId id) {
        return Metric.label(id, Label.MEMBER) + " → " + Metric.label(id, Label.TO);
    }
}
