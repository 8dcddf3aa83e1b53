package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Read-only access to a recording by metric name and window, with window times clipped to the
 * run's end (the last window of a run is usually partial).
 */
public final class RecordingView {
    private final Recorder recorder;
    private final long durationNanos;

    public RecordingView(Recorder recorder, long durationNanos) {
        this.recorder = recorder;
        this.durationNanos = durationNanos;
    }

    public Recorder recorder() {
        return recorder;
    }

    public long durationNanos() {
        return durationNanos;
    }

    /**
     * Closed windows of the recording that start before the end of the run (closing a partial window
     * exactly at a window boundary leaves an empty one, which is not part of the run).
     */
    public int windows() {
        int closed = recorder.closedWindows();
        if (durationNanos <= 0) {
            return closed;
        }
        long inRun = (durationNanos + recorder.windowNanos() - 1) / recorder.windowNanos();
        return (int) Math.min(closed, inRun);
    }

    public long windowStartNanos(int i) {
        return i * recorder.windowNanos();
    }

    /** End of window {@code i}, clipped to the run's duration when that is later than the window's start. */
    public long windowEndNanos(int i) {
        long end = (i + 1) * recorder.windowNanos();
        long start = windowStartNanos(i);
        return durationNanos > start ? Math.min(end, durationNanos) : end;
    }

    /** Index of the window containing {@code timeNanos}, clamped to the closed windows ({@code -1} if none). */
    public int windowAt(long timeNanos) {
        if (windows() == 0) {
            return -1;
        }
        long i = Math.max(0, timeNanos) / recorder.windowNanos();
        return (int) Math.min(i, windows() - 1L);
    }

    public SortedMap<MetricId, LatencyRecorder> latencies(Metric metric) {
        return byName(recorder.latencies(), metric);
    }

    public SortedMap<MetricId, Counter> counters(Metric metric) {
        return byName(recorder.counters(), metric);
    }

    public SortedMap<MetricId, Gauge> gauges(Metric metric) {
        return byName(recorder.gauges(), metric);
    }

    /** The latency series of {@code metric} whose label {@code label} is {@code value}, or null. */
    public LatencyRecorder latency(Metric metric, Label label, String value) {
        for (var e : latencies(metric).entrySet()) {
            if (value.equals(Metric.label(e.getKey(), label))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Increments of {@code c} in window {@code i}, 0 where the series has no row. */
    public static long value(Counter c, int i) {
        return i < c.windowCount() ? c.windowValue(i) : 0;
    }

    /** Sample of {@code g} at the end of window {@code i}, NaN where the series has no row. */
    public static double value(Gauge g, int i) {
        return i < g.windowCount() ? g.windowValue(i) : Double.NaN;
    }

    private static <V> SortedMap<MetricId, V> byName(SortedMap<MetricId, V> all, Metric metric) {
        SortedMap<MetricId, V> out = new TreeMap<>();
        all.forEach((id, v) -> {
            if (metric.is(id)) {
                out.put(id, v);
            }
        });
        return out;
    }
}
