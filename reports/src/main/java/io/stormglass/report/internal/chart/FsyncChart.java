package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.report.internal.analysis.Durations;
import java.awt.Color;
import java.util.SortedMap;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * WAL fdatasync latency per member over time: windowed p50 (dotted), p99 (solid) and max (dashed)
 * on a log scale, with guide lines at etcd's 10 ms p99 guidance, the election timeout, and 1 s
 * (etcd's {@code slow fdatasync} warning).
 */
final class FsyncChart {
    static final String FILE = "wal-fsync";
    private static final String TITLE = "WAL fdatasync latency per member";
    private static final int[] COLUMNS = {LatencyRecorder.P50, LatencyRecorder.P99, LatencyRecorder.MAX};
    private static final String[] NAMES = {"p50", "p99", "max"};

    private FsyncChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<MetricId, LatencyRecorder> series = ctx.view().latencies(Metric.WAL_FSYNC_DURATION);
        int width = 1100;
        int height = 460;
        if (series.values().stream().allMatch(l -> l.count() == 0) || ctx.view().windows() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no WAL fdatasync recorded ("
                    + Metric.WAL_FSYNC_DURATION.exportedName() + ")", width, height);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.lines();
        double lo = 5e-3;
        double hi = 1.5;
        int member = 0;
        for (var e : series.entrySet()) {
            String who = e.getKey().label(Label.MEMBER.key());
            for (int c = 0; c < COLUMNS.length; c++) {
                XYSeries s = Series.latency(ctx, (who == null ? e.getKey().labels() : who) + " " + NAMES[c],
                        e.getValue(), COLUMNS[c]);
                int index = data.getSeriesCount();
                data.addSeries(s);
                renderer.setSeriesPaint(index, ChartStyle.color(member));
                renderer.setSeriesStroke(index, c == 0 ? ChartStyle.DOTTED : c == 1 ? ChartStyle.SOLID : ChartStyle.DASHED);
                if (!Double.isNaN(Series.minY(s))) {
                    lo = Math.min(lo, Series.minY(s) / 1.05);
                    hi = Math.max(hi, Series.maxY(s) * 1.05);
                }
            }
            member++;
        }
        XYPlot plot = ChartStyle.style(new XYPlot(data, ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()),
                ChartStyle.latencyAxis("fdatasync latency (log scale)", lo, hi), renderer));
        ChartStyle.guide(plot, 0.010, "10 ms: etcd's p99 guidance", new Color(0x2e7d32));
        ChartStyle.guide(plot, 1.0, "1 s: etcd logs \"slow fdatasync\"", new Color(0xc62828));
        long timeout = ctx.summary().electionTimeoutNanos();
        if (timeout != 1_000_000_000L) {
            ChartStyle.guide(plot, timeout / 1e9, "election timeout " + Durations.human(timeout), Color.DARK_GRAY);
        }
        ctx.markLeaderChanges(plot);
        return new ChartSpec(FILE, "Per " + ctx.pointText() + " window: p50 dotted, p99 solid, max dashed; "
                + "one colour per member; red vertical lines mark leader changes.", width, height,
                ChartStyle.chart(TITLE, "windowed p50 / p99 / max, " + ctx.pointText() + " windows", plot, true), true);
    }
}
