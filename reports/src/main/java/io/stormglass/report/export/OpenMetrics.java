package io.stormglass.report.export;

import io.stormglass.engine.metrics.MetricId;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's metrics ({@link MetricsTable}, read from {@code metrics.csv}) as OpenMetrics text with
 * simulated timestamps: window {@code i} of a run started at {@code startEpochSeconds} is stamped
 * {@code startEpochSeconds + windowEnd(i)}. Prometheus loads it with
 * {@code promtool tsdb create-blocks-from openmetrics FILE DIR}.
 *
 * <ul>
 *   <li>counters ({@code increase} rows) become counters, summed from the start of the run
 *       ({@code etcd_server_leader_changes_seen_total});</li>
 *   <li>gauges ({@code value} rows) stay gauges;</li>
 *   <li>latencies become summaries of each window: quantiles 0.5, 0.9, 0.99, 0.999 and 1 (the
 *       window's maximum), with {@code _count} and {@code _sum} summed from the start (so
 *       {@code rate(x_sum[5m]) / rate(x_count[5m])} is the mean, as for etcd's own metrics). A
 *       window without values has no quantile samples.</li>
 * </ul>
 * Counters derived from the run's timeline can be added ({@code stormglass_leader_changes_total}:
 * every leadership after the first, which is what {@code summary.json} counts; etcd's
 * {@code etcd_server_leader_changes_seen_total} counts, per member, each time it sees a leader after
 * another or after none, so it also counts a member losing and finding the same leader).
 * Families are written one after another, each series' samples in time order, ending with
 * {@code # EOF}, as the OpenMetrics text format requires.
 */
public final class OpenMetrics {
    private static final String[][] QUANTILES = {
        {"p50_s", "0.5"}, {"p90_s", "0.9"}, {"p99_s", "0.99"}, {"p999_s", "0.999"}, {"max_s", "1"},
    };

    private OpenMetrics() {
    }

    /** As {@link #write(MetricsTable, SortedMap, long, Writer)} without timeline counters. */
    public static void write(MetricsTable table, long startEpochSeconds, Writer out) throws IOException {
        write(table, new TreeMap<>(), startEpochSeconds, out);
    }

    /**
     * Writes every column of {@code table}, and a counter per entry of {@code timelineCounters}: the
     * number of its instants (seconds of simulated time, ascending) up to the end of each window,
     * such as {@code stormglass_leader_changes_total} from the run's timeline.
     */
    public static void write(MetricsTable table, SortedMap<String, double[]> timelineCounters, long startEpochSeconds,
            Writer out) throws IOException {
        // metric -> labels -> statistic -> values
        SortedMap<String, SortedMap<String, Map<String, double[]>>> families = new TreeMap<>();
        table.columns().forEach((k, v) -> families.computeIfAbsent(k.metric(), m -> new TreeMap<>())
                .computeIfAbsent(k.labels(), l -> new TreeMap<>()).put(k.statistic(), v));
        String[] stamps = new String[table.windows()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = new BigDecimal(startEpochSeconds).add(BigDecimal.valueOf(table.windowEndSeconds(i)))
                    .stripTrailingZeros().toPlainString();
        }
        for (var family : families.entrySet()) {
            Map<String, double[]> any = family.getValue().values().iterator().next();
            if (any.containsKey("increase")) {
                counter(family.getKey(), family.getValue(), stamps, out);
            } else if (any.containsKey("value")) {
                gauge(family.getKey(), family.getValue(), stamps, out);
            } else if (any.containsKey("count")) {
                summary(family.getKey(), family.getValue(), stamps, out);
            }
        }
        for (var c : timelineCounters.entrySet()) {
            timelineCounter(c.getKey(), c.getValue(), table, stamps, out);
        }
        out.write("# EOF\n");
        out.flush();
    }

    private static void counter(String metric, SortedMap<String, Map<String, double[]>> series, String[] stamps, Writer out)
            throws IOException {
        String family = metric.endsWith("_total") ? metric.substring(0, metric.length() - "_total".length()) : metric;
        out.write("# TYPE " + family + " counter\n");
        for (var s : series.entrySet()) {
            String name = family + "_total" + labels(s.getKey(), List.of());
            double[] v = s.getValue().get("increase");
            double total = 0;
            for (int i = 0; i < stamps.length; i++) {
                if (!Double.isNaN(v[i])) {
                    total += v[i];
                    sample(out, name, total, stamps[i]);
                }
            }
        }
    }

    private static void timelineCounter(String name, double[] instants, MetricsTable table, String[] stamps, Writer out)
            throws IOException {
        String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        out.write("# TYPE " + family + " counter\n");
        int seen = 0;
        for (int i = 0; i < stamps.length; i++) {
            while (seen < instants.length && instants[seen] <= table.windowEndSeconds(i)) {
                seen++;
            }
            sample(out, family + "_total", seen, stamps[i]);
        }
    }

    private static void gauge(String metric, SortedMap<String, Map<String, double[]>> series, String[] stamps, Writer out)
            throws IOException {
        out.write("# TYPE " + metric + " gauge\n");
        for (var s : series.entrySet()) {
            String name = metric + labels(s.getKey(), List.of());
            double[] v = s.getValue().get("value");
            for (int i = 0; i < stamps.length; i++) {
                if (!Double.isNaN(v[i])) {
                    sample(out, name, v[i], stamps[i]);
                }
            }
        }
    }

    private static void summary(String metric, SortedMap<String, Map<String, double[]>> series, String[] stamps, Writer out)
            throws IOException {
        out.write("# TYPE " + metric + " summary\n");
        if (metric.endsWith("_seconds")) {
            out.write("# UNIT " + metric + " seconds\n");
        }
        for (var s : series.entrySet()) {
            Map<String, double[]> stats = s.getValue();
            double[] count = stats.get("count");
            double[] mean = stats.get("mean_s");
            String[] quantileNames = new String[QUANTILES.length];
            for (int q = 0; q < QUANTILES.length; q++) {
                quantileNames[q] = metric + labels(s.getKey(), List.of("quantile", QUANTILES[q][1]));
            }
            String countName = metric + "_count" + labels(s.getKey(), List.of());
            String sumName = metric + "_sum" + labels(s.getKey(), List.of());
            double n = 0;
            double sum = 0;
            for (int i = 0; i < stamps.length; i++) {
                if (Double.isNaN(count[i])) {
                    continue;
                }
                if (count[i] > 0) {
                    for (int q = 0; q < QUANTILES.length; q++) {
                        double[] v = stats.get(QUANTILES[q][0]);
                        if (v != null && !Double.isNaN(v[i])) {
                            sample(out, quantileNames[q], v[i], stamps[i]);
                        }
                    }
                    sum += mean == null || Double.isNaN(mean[i]) ? 0 : mean[i] * count[i];
                }
                n += count[i];
                sample(out, sumName, sum, stamps[i]);
                sample(out, countName, n, stamps[i]);
            }
        }
    }

    private static void sample(Writer out, String name, double value, String stamp) throws IOException {
        out.write(name);
        out.write(' ');
        out.write(Numbers.plain(value));
        out.write(' ');
        out.write(stamp);
        out.write('\n');
    }

    /** {@code {k="v",...}} from a {@code metrics.csv} label cell and extra pairs, or empty. */
    static String labels(String csvLabels, List<String> extra) {
        List<String> pairs = new ArrayList<>();
        new MetricId("x", csvLabels).labelMap().forEach((k, v) -> pairs.add(k + "=\"" + escape(v) + "\""));
        for (int i = 0; i < extra.size(); i += 2) {
            pairs.add(extra.get(i) + "=\"" + escape(extra.get(i + 1)) + "\"");
        }
        return pairs.isEmpty() ? "" : "{" + String.join(",", pairs) + "}";
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
