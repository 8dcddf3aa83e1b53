package io.stormglass.experiment.sweep;

import io.stormglass.report.csv.CsvNumbers;
import io.stormglass.report.sweep.ChartFile;
import io.stormglass.report.sweep.HeatmapData;
import io.stormglass.report.sweep.ParetoPoint;
import io.stormglass.report.sweep.SweepCharts;
import io.stormglass.report.sweep.SweepPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a sweep's charts (a heatmap per metric over heartbeat × election timeout, the Pareto chart
 * of spurious changes against failover time, the failover CDFs) and {@code sweep-report.html} into
 * the sweep's folder.
 */
public final class SweepReport {
    /** The page's file name. */
    public static final String PAGE = "sweep-report.html";
    /** At most this many CDF curves, so that the chart stays readable. */
    static final int MAX_CDF_CURVES = 8;

    private SweepReport() {
    }

    public static Path write(SweepSpec sweep, List<PointResult> points, Recommendation rec, Path dir) throws IOException {
        SweepPage page = new SweepPage("Sweep " + sweep.name());
        page.paragraph(sweep.description());
        page.paragraph("Base scenario " + sweep.base().getFileName() + "; " + sweep.points().size() + " points × "
                + sweep.seeds().size() + " seeds" + (sweep.measuresFailover() ? "; " + sweep.failoverTrials()
                + " failover trials per point and seed" : "") + ". Results per run: sweep.csv.");
        page.heading("Recommendation");
        page.advice(rec.text());
        if (!rec.checks().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rec.checks().forEach(c -> rows.add(List.of(c.rule(), c.verdict(), c.detail())));
            page.table(List.of("etcd tuning rule", "verdict", "numbers"), rows);
        }
        List<PointResult> gridded = points.stream().filter(p -> !Double.isNaN(p.heartbeatMs()) && !Double.isNaN(p.electionMs()))
                .toList();
        page.heading("Charts");
        if (!gridded.isEmpty()) {
            String grey = "; grey cells were refused by etcd's rules or failed.";
            for (SweepMetric m : sweep.metrics()) {
                if (m == SweepMetric.FAILOVER) {
                    page.chart(dir, SweepCharts.heatmap(dir, "heatmap-failover-p50", "failover time p50 (ms)",
                            "Each cell is one setting (median over all its trials)" + grey,
                            heatmap(gridded, PointResult::failoverP50Ms, "ms")));
                }
                page.chart(dir, SweepCharts.heatmap(dir, "heatmap-" + m.key(), m.title() + " (" + m.unit() + ")",
                        "Each cell is one setting (" + (m == SweepMetric.FAILOVER ? "p99 over all its trials" : "over "
                                + sweep.seeds().size() + " seeds") + ")" + grey, heatmap(gridded, m)));
            }
        }
        if (sweep.measuresFailover()) {
            List<ParetoPoint> pareto = pareto(points, rec);
            page.chart(dir, SweepCharts.pareto(dir, "pareto", "Spurious leader changes vs failover time",
                    "Lower left is better; the line joins the settings no other setting beats on both axes.", pareto));
            page.chart(dir, SweepCharts.cdf(dir, "failover-cdf", "Failover time distribution (CDF)",
                    "Time from the leader crash until every survivor knows the new leader (Raft paper §9.3).",
                    cdfs(points, rec)));
        }
        page.heading("Points");
        page.table(List.of("setting", "status", "seeds ok", "spurious/h", "failover p50 ms", "failover p99 ms",
                "unavailable s/day", "error rate", "put p99 ms", "get p99 ms", "max fsync ms", "RTT ms"), table(points));
        Path file = dir.resolve(PAGE);
        page.write(file);
        return file;
    }

    static HeatmapData heatmap(List<PointResult> points, SweepMetric metric) {
        return heatmap(points, p -> p.value(metric), metric.unit());
    }

    static HeatmapData heatmap(List<PointResult> points, java.util.function.ToDoubleFunction<PointResult> value, String unit) {
        TreeSet<Double> hbs = new TreeSet<>();
        TreeSet<Double> ets = new TreeSet<>();
        points.forEach(p -> {
            hbs.add(p.heartbeatMs());
            ets.add(p.electionMs());
        });
        List<Double> xs = new ArrayList<>(hbs);
        List<Double> ys = new ArrayList<>(ets);
        double[][] v = new double[ys.size()][xs.size()];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (PointResult p : points) {
            if (p.status() == RunStatus.OK) {
                double x = value.applyAsDouble(p);
                v[ys.indexOf(p.electionMs())][xs.indexOf(p.heartbeatMs())] = Double.isInfinite(x) ? Double.NaN : x;
            }
        }
        return new HeatmapData(xs.stream().map(PointResult::ms).toList(), ys.stream().map(PointResult::ms).toList(), v,
                "heartbeat-interval", "election-timeout", unit, true);
    }

    /** Spurious changes against the failover median (the figure the recommendation ranks by). */
    static List<ParetoPoint> pareto(List<PointResult> points, Recommendation rec) {
        List<PointResult> ok = points.stream().filter(p -> p.status() == RunStatus.OK && p.failover().trials() > 0
                && Double.isFinite(p.failoverP50Ms())).toList();
        List<ParetoPoint> out = new ArrayList<>();
        for (PointResult p : ok) {
            boolean dominated = ok.stream().anyMatch(q -> q.spuriousPerHour() <= p.spuriousPerHour()
                    && q.failoverP50Ms() <= p.failoverP50Ms()
                    && (q.spuriousPerHour() < p.spuriousPerHour() || q.failoverP50Ms() < p.failoverP50Ms()));
            out.add(new ParetoPoint(p.label(), p.spuriousPerHour(), p.failoverP50Ms(), !dominated,
                    rec.chosen() != null && rec.chosen().pointId().equals(p.pointId())));
        }
        return out;
    }

    /** The recommended setting, the rejected faster one, then the rest in point order, up to {@link #MAX_CDF_CURVES}. */
    static Map<String, double[]> cdfs(List<PointResult> points, Recommendation rec) {
        List<PointResult> order = new ArrayList<>();
        if (rec.chosen() != null) {
            order.add(rec.chosen());
        }
        if (rec.rejected() != null) {
            order.add(rec.rejected());
        }
        points.stream().filter(p -> !order.contains(p)).forEach(order::add);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (PointResult p : order) {
            if (out.size() < MAX_CDF_CURVES && p.failover().resolvedMs().length > 0) {
                out.put(p.label() + (p == rec.chosen() ? " (recommended)" : ""), p.failover().resolvedMs());
            }
        }
        return out;
    }

    private static String num(double v) {
        return CsvNumbers.decimals(v, 3);
    }

    private static List<List<String>> table(List<PointResult> points) {
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : points) {
            boolean f = p.failover().trials() > 0;
            rows.add(List.of(p.label(), p.status().text() + (p.error().isEmpty() ? "" : ": " + p.error()),
                    Integer.toString(p.seedsOk()), num(p.spuriousPerHour()),
                    f ? num(p.failoverP50Ms()) : "", f ? num(p.failoverP99Ms()) : "",
                    num(p.unavailableSPerDay()), num(p.errorRate()), num(p.putP99Ms()),
                    num(p.getP99Ms()), num(p.walFsyncMaxMs()), num(p.rttMs())));
        }
        return rows;
    }
}
