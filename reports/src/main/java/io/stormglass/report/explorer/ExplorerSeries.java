package io.stormglass.report.explorer;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.report.explorer.SeriesLevels.Merge;
import io.stormglass.report.explorer.SeriesLevels.Series;
import io.stormglass.report.internal.analysis.RecordingView;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric lanes of the explorer, read from a recording: WAL fdatasync p99 and maximum per
 * member, disk utilisation and queue depth per device, client latency p50/p99 per operation,
 * client errors per etcd text, and heartbeat send failures per member. Only reads.
 */
final class ExplorerSeries {
    static final String LANE_FSYNC = "fsync";
    static final String LANE_DISK_UTIL = "disk-util";
    static final String LANE_DISK_QUEUE = "disk-queue";
    static final String LANE_CLIENT = "client";
    static final String LANE_ERRORS = "errors";
    static final String LANE_HEARTBEATS = "heartbeats";

    private ExplorerSeries() {
    }

    static List<Series> of(RecordingView view) {
        List<Series> out = new ArrayList<>();
        int n = view.windows();
        for (var e : view.latencies(Metric.WAL_FSYNC_DURATION).entrySet()) {
            String m = Metric.label(e.getKey(), Label.MEMBER);
            out.add(latency(LANE_FSYNC, "fsync-p99-" + m, m + " p99", e.getValue(), LatencyRecorder.P99, n));
            out.add(latency(LANE_FSYNC, "fsync-max-" + m, m + " max", e.getValue(), LatencyRecorder.MAX, n));
        }
        for (var e : view.gauges(Metric.DISK_UTILISATION).entrySet()) {
            String d = Metric.label(e.getKey(), Label.DEVICE);
            out.add(gauge(LANE_DISK_UTIL, "util-" + d, d, "ratio", Merge.MEAN, e.getValue(), n));
        }
        for (var e : view.gauges(Metric.DISK_QUEUE_DEPTH).entrySet()) {
            String d = Metric.label(e.getKey(), Label.DEVICE);
            out.add(gauge(LANE_DISK_QUEUE, "queue-" + d, d, "requests", Merge.MAX, e.getValue(), n));
        }
        for (var e : view.latencies(Metric.CLIENT_REQUEST_DURATION).entrySet()) {
            String op = Metric.label(e.getKey(), Label.OP);
            out.add(latency(LANE_CLIENT, "client-p50-" + op, op + " p50", e.getValue(), LatencyRecorder.P50, n));
            out.add(latency(LANE_CLIENT, "client-p99-" + op, op + " p99", e.getValue(), LatencyRecorder.P99, n));
        }
        for (var e : view.counters(Metric.CLIENT_ERRORS).entrySet()) {
            out.add(counter(LANE_ERRORS, "errors-" + id(e.getKey(), Label.ERROR), Metric.label(e.getKey(), Label.ERROR),
                    e.getValue(), n));
        }
        for (var e : view.counters(Metric.HEARTBEAT_SEND_FAILURES).entrySet()) {
            String m = Metric.label(e.getKey(), Label.MEMBER);
            out.add(counter(LANE_HEARTBEATS, "hb-failures-" + m, m + " late heartbeats", e.getValue(), n));
        }
        return out;
    }

    private static String id(MetricId id, Label label) {
        return Metric.label(id, label).replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static Series latency(String lane, String id, String label, LatencyRecorder l, int column, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = i < l.windowCount() ? l.windowRow(i) : null;
            v[i] = row == null || row[LatencyRecorder.COUNT] == 0 ? Double.NaN : row[column] / 1e9;
        }
        return new Series(id, lane, label, "s", Merge.MAX, v);
    }

    private static Series gauge(String lane, String id, String label, String unit, Merge merge, Gauge g, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RecordingView.value(g, i);
        }
        return new Series(id, lane, label, unit, merge, v);
    }

    private static Series counter(String lane, String id, String label, Counter c, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RecordingView.value(c, i);
        }
        return new Series(id, lane, label, "count", Merge.SUM, v);
    }
}
