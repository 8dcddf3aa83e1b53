package io.stormglass.report.export;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.csv.CsvCells;
import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvRecord;
import io.stormglass.report.csv.CsvRecordReader;
import io.stormglass.report.csv.CsvRowWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code metrics.csv}: the windowed series of a run in tidy long format (Stormglass's CSV,
 * {@link CsvFormat}: RFC 4180, LF line ends; UTF-8), one row per window × series × statistic, with the header
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
 *
 * <p>The file is bounded in size for any run length: when the recording's windows times the rows
 * of one window exceed a row budget ({@link #DEFAULT_MAX_ROWS}, at most about 30 MB), adjacent windows are
 * written merged, 2, 4, 8, ... at a time (the smallest power of two that fits), with the recorder's
 * own merge rules: increases and counts add up, gauges and percentiles keep the larger value (an
 * upper bound), means are re-weighted by count. The merged windows are still contiguous and
 * aligned, so the columns keep their meaning. Leader changes and warnings keep their exact times in
 * {@code events.jsonl} and the logs; the whole-run percentiles are in {@code summary.json}.
 */
public final class MetricsCsv {
    /** The header line. */
    public static final String HEADER = "window_start_s,window_end_s,metric,labels,statistic,value";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    /**
     * Rows written at most (unless one window alone has more): 250 000 rows of about 80 bytes (the
     * incident's rows average 78), so that with the explorer, the timeline, the trace and the charts a
     * 7-day run's folder stays under 50 MB (issue 23: the 7-day incident's 1 435 rows per window are
     * written for 119 windows of 85 min, 512 windows of 10 s each; a day's for 135 windows of 10 min 40 s,
     * 64 at a time).
     */
    public static final long DEFAULT_MAX_ROWS = 250_000;

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

    /** Writes every closed window of {@code recorder} within {@link #DEFAULT_MAX_ROWS}; see {@link #write(Recorder, long, long, Writer)}. */
    public static void write(Recorder recorder, long durationNanos, Writer out) throws IOException {
        write(recorder, durationNanos, DEFAULT_MAX_ROWS, out);
    }

    /**
     * Writes every closed window of {@code recorder}, merged by the smallest power of two that keeps
     * the file within {@code maxRows} rows; {@code durationNanos} clips the last window. Flushes, never
     * closes, {@code out}.
     */
    public static void write(Recorder recorder, long durationNanos, long maxRows, Writer out) throws IOException {
        RecordingView view = new RecordingView(recorder, durationNanos);
        // each series' name and labels are encoded (quoted) once, not on each of its thousands of rows
        CsvCells[] counterIds = encode(recorder.counters().keySet());
        CsvCells[] gaugeIds = encode(recorder.gauges().keySet());
        CsvCells[] latencyIds = encode(recorder.latencies().keySet());
        int merge = mergeFactor(view.windows(), rowsPerWindow(recorder), maxRows);
        try (CsvRowWriter csv = CsvFormat.writer(out)) {
            csv.row(COLUMNS);
            for (int from = 0; from < view.windows(); from += merge) {
                int to = Math.min(view.windows(), from + merge);
                String start = Numbers.seconds(view.windowStartNanos(from));
                String end = Numbers.seconds(view.windowEndNanos(to - 1));
                int i = 0;
                for (Counter c : recorder.counters().values()) {
                    long sum = 0;
                    for (int w = from; w < to; w++) {
                        sum += RecordingView.value(c, w);
                    }
                    prefix(csv, start, end, counterIds[i++], "increase").cell(sum).endRow();
                }
                i = 0;
                for (Gauge g : recorder.gauges().values()) {
                    CsvCells id = gaugeIds[i++];
                    if (from < g.windowCount()) {
                        double max = g.windowValue(from);
                        for (int w = from + 1; w < Math.min(to, g.windowCount()); w++) {
                            max = Math.max(max, g.windowValue(w));
                        }
                        prefix(csv, start, end, id, "value").number(Numbers.plain(max)).endRow();
                    }
                }
                i = 0;
                for (LatencyRecorder l : recorder.latencies().values()) {
                    writeLatency(csv, start, end, latencyIds[i++], l, from, to);
                }
            }
        }
    }

    /** The smallest power of two {@code k} with {@code ceil(windows / k) * rowsPerWindow <= maxRows} (at most {@code windows}). */
    static int mergeFactor(int windows, long rowsPerWindow, long maxRows) {
        int k = 1;
        while (k < windows && (long) ((windows + k - 1) / k) * rowsPerWindow > maxRows) {
            k *= 2;
        }
        return k;
    }

    /** Rows one window can take: a row per counter and gauge, up to seven per latency series. */
    private static long rowsPerWindow(Recorder recorder) {
        return recorder.counters().size() + recorder.gauges().size() + 7L * recorder.latencies().size();
    }

    private static CsvCells[] encode(Collection<MetricId> ids) {
        return ids.stream().map(id -> CsvFormat.encode(id.name(), id.labels())).toArray(CsvCells[]::new);
    }

    private static void writeLatency(CsvRowWriter csv, String start, String end, CsvCells id, LatencyRecorder l,
            int from, int to) throws IOException {
        if (from >= l.windowCount()) {
            return;
        }
        double[] r = l.windowRow(from);
        for (int w = from + 1; w < Math.min(to, l.windowCount()); w++) {
            double[] next = l.windowRow(w);
            r[LatencyRecorder.COUNT] += next[LatencyRecorder.COUNT];
            r[LatencyRecorder.SUM_NANOS] += next[LatencyRecorder.SUM_NANOS];
            for (int c : LATENCY_COLUMNS) {
                r[c] = Math.max(r[c], next[c]);
            }
        }
        long count = (long) r[LatencyRecorder.COUNT];
        prefix(csv, start, end, id, "count").cell(count).endRow();
        if (count == 0) {
            return;
        }
        // to the nanosecond, as the percentiles: a double's seventeen digits carry nothing more
        String mean = Numbers.seconds(Math.round(r[LatencyRecorder.SUM_NANOS] / count));
        prefix(csv, start, end, id, "mean_s").number(mean).endRow();
        for (int s = 0; s < LATENCY_STATS.length; s++) {
            prefix(csv, start, end, id, LATENCY_STATS[s]).number(Numbers.seconds((long) r[LATENCY_COLUMNS[s]])).endRow();
        }
    }

    /** The first five cells of a row, cell by cell: no list per row, millions of rows per run. */
    private static CsvRowWriter prefix(CsvRowWriter csv, String start, String end, CsvCells id, String stat)
            throws IOException {
        return csv.number(start).number(end).cells(id).cell(stat);
    }

    /** Reads a file written by {@link #write}; fails on a wrong header or a malformed row, naming its line. */
    public static List<Row> read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvFormat.reader(in)) {
            CsvRecord header = reader.next();
            if (header == null || !header.cells().equals(COLUMNS)) {
                throw new IOException("not a metrics.csv header: " + (header == null ? "nothing" : String.join(",", header.cells())));
            }
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                List<String> f = r.cells();
                if (f.size() != COLUMNS.size()) {
                    throw new IOException("line " + r.line() + " has " + f.size() + " fields, expected " + COLUMNS.size());
                }
                rows.add(new Row(new BigDecimal(f.get(0)), new BigDecimal(f.get(1)), f.get(2), f.get(3), f.get(4),
                        Numbers.parse(f.get(5))));
            }
        }
        return rows;
    }
}
