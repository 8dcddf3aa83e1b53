package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Client request latency over time (windowed p50 dotted, p99 solid, log scale) per operation, and
 * below it the throughput per operation (completed requests per second, from
 * {@code client_requests_total} where recorded, else from the latency counts).
 */
final class ClientLatencyChart {
    static final String FILE = "client-latency";
    private static final String TITLE = "Client request latency and throughput";

    private ClientLatencyChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<MetricId, LatencyRecorder> byOp = ctx.view().latencies(Metric.CLIENT_REQUEST_DURATION);
        int width = 1100;
        int height = 600;
        if (byOp.values().stream().allMatch(l -> l.count() == 0) || ctx.view().windows() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no client requests recorded ("
                    + Metric.CLIENT_REQUEST_DURATION.exportedName() + ")", width, height);
        }
        SortedMap<String, Counter> requests = new TreeMap<>();
        ctx.view().counters(Metric.CLIENT_REQUESTS).forEach((id, c) -> requests.put(op(id), c));

        XYSeriesCollection latency = new XYSeriesCollection();
        XYSeriesCollection throughput = new XYSeriesCollection();
        XYLineAndShapeRenderer latencyLines = ChartStyle.lines();
        XYLineAndShapeRenderer rateLines = ChartStyle.lines();
        double lo = 1e-3;
        double hi = 1;
        int i = 0;
        for (var e : byOp.entrySet()) {
            String op = op(e.getKey());
            XYSeries p50 = Series.latency(ctx, op + " p50", e.getValue(), LatencyRecorder.P50);
            XYSeries p99 = Series.latency(ctx, op + " p99", e.getValue(), LatencyRecorder.P99);
            for (XYSeries s : new XYSeries[] {p50, p99}) {
                int index = latency.getSeriesCount();
                latency.addSeries(s);
                latencyLines.setSeriesPaint(index, ChartStyle.color(i));
                latencyLines.setSeriesStroke(index, s == p50 ? ChartStyle.DOTTED : ChartStyle.SOLID);
                if (!Double.isNaN(Series.minY(s))) {
                    lo = Math.min(lo, Series.minY(s) / 1.05);
                    hi = Math.max(hi, Series.maxY(s) * 1.05);
                }
            }
            Counter c = requests.get(op);
            throughput.addSeries(c != null ? Series.rate(ctx, op + " req/s", c)
                    : Series.rate(ctx, op + " req/s", e.getValue()));
            rateLines.setSeriesPaint(throughput.getSeriesCount() - 1, ChartStyle.color(i));
            rateLines.setSeriesStroke(throughput.getSeriesCount() - 1, ChartStyle.SOLID);
            i++;
        }
        XYPlot top = ChartStyle.style(new XYPlot(latency, null,
                ChartStyle.latencyAxis("latency (log scale)", lo, hi), latencyLines));
        XYPlot bottom = ChartStyle.style(new XYPlot(throughput, null, ChartStyle.countAxis("requests/s"), rateLines));
        ctx.markLeaderChanges(top);
        ctx.markLeaderChanges(bottom);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()));
        plot.setGap(12);
        plot.add(top, 3);
        plot.add(bottom, 2);
        return new ChartSpec(FILE, "Top: windowed p50 (dotted) and p99 (solid) per operation; bottom: completed "
                + "requests per second; red lines mark leader changes.", width, height,
                ChartStyle.chart(TITLE, ctx.pointText() + " windows", plot, true), true);
    }

    static String op(MetricId id) {
        String op = id.label(Label.OP.key());
        return op == null ? id.labels() : op;
    }
}
