package io.stormglass.report.export;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.report.internal.analysis.RecordingView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: the windowed series of a run in tidy long format (RFC 4180, UTF-8, LF line
 * ends), one row per window × series × statistic, with the header
 * {@code window_start_s,window_end_s,metric,labels,statistic,value}.
 *
 * <ul>
 *   <li>{@code window_start_s}/{@code window_end_s}: exact decimal seconds of virtual time; the last
 *       window ends at the end of the run.</li>
 *   <li>{@code metric}: the metric name; {@code labels}: {@code k=v} pairs sorted by key, joined by
 *       {@code ,} (empty if none).</li>
 *   <li>{@code statistic}: for counters {@code increase} (increments within the window); for gauges
 *       {@code value} (sampled at the window's end); for latencies {@code count} and, only where
 *       the count is positive, {@code mean_s, p50_s, p90_s, p99_s, p999_s, max_s} in seconds.</li>
 * </ul>
 * Rows are ordered by window, then metric id (name, labels), then the statistic order above, so the
 * same recording always gives the same bytes.
 */
public final class MetricsCsv {
    /** The header line. */
    public static final String HEADER = "window_start_s,window_end_s,metric,labels,statistic,value";

    private static final String[] LATENCY_STATS = {"p50_s", "p90_s", "p99_s", "p999_s", "max_s"};
    private static final int[] LATENCY_COLUMNS = {
        LatencyRecorder.P50, LatencyRecorder.P90, LatencyRecorder.P99, LatencyRecorder.P999, LatencyRecorder.MAX,
    };

    /** One row of the file. Times are exact; {@code value} is as written. */
    public record Row(BigDecimal windowStartSeconds, BigDecimal windowEndSeconds, String metric, String labels,
                      String statistic, double value) {
    }

    private MetricsCsv() {
    }

    /** Writes every closed window of {@code recorder}; {@code durationNanos} clips the last window. */
    public static void write(Recorder recorder, long durationNanos, Writer out) throws IOException {
        RecordingView view = new RecordingView(recorder, durationNanos);
        out.write(HEADER);
        out.write('\n');
        for (int w = 0; w < view.windows(); w++) {
            String start = Numbers.seconds(view.windowStartNanos(w));
            String end = Numbers.seconds(view.windowEndNanos(w));
            for (var e : recorder.counters().entrySet()) {
                Counter c = e.getValue();
                row(out, start, end, e.getKey(), "increase", Long.toString(RecordingView.value(c, w)));
            }
            for (var e : recorder.gauges().entrySet()) {
                Gauge g = e.getValue();
                if (w < g.windowCount()) {
                    row(out, start, end, e.getKey(), "value", Numbers.plain(g.windowValue(w)));
                }
            }
            for (var e : recorder.latencies().entrySet()) {
                writeLatency(out, start, end, e.getKey(), e.getValue(), w);
            }
        }
        out.flush();
    }

    private static void writeLatency(Writer out, String start, String end, MetricId id, LatencyRecorder l, int w)
            throws IOException {
        if (w >= l.windowCount()) {
            return;
        }
        double[] r = l.windowRow(w);
        long count = (long) r[LatencyRecorder.COUNT];
        row(out, start, end, id, "count", Long.toString(count));
        if (count == 0) {
            return;
        }
        row(out, start, end, id, "mean_s", Numbers.plain(Numbers.toSeconds(r[LatencyRecorder.SUM_NANOS] / count)));
        for (int s = 0; s < LATENCY_STATS.length; s++) {
            row(out, start, end, id, LATENCY_STATS[s], Numbers.seconds((long) r[LATENCY_COLUMNS[s]]));
        }
    }

    private static void row(Writer out, String start, String end, MetricId id, String stat, String value)
            throws IOException {
        out.write(start);
        out.write(',');
        out.write(end);
        out.write(',');
        out.write(Csv.field(id.name()));
        out.write(',');
        out.write(Csv.field(id.labels()));
        out.write(',');
        out.write(stat);
        out.write(',');
        out.write(value);
        out.write('\n');
    }

    /** Reads a file written by {@link #write}; fails on a wrong header or a malformed row. */
    public static List<Row> read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IOException("not a metrics.csv header: " + header);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields;
        int line = 1;
        while ((fields = Csv.readRecord(reader)) != null) {
            line++;
            if (fields.size() != 6) {
                throw new IOException("row " + line + " has " + fields.size() + " fields, expected 6");
            }
            rows.add(new Row(new BigDecimal(fields.get(0)), new BigDecimal(fields.get(1)), fields.get(2),
                    fields.get(3), fields.get(4), Numbers.parse(fields.get(5))));
        }
        return rows;
    }
}
