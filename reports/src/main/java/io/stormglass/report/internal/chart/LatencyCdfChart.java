package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cumulative distribution of client request latency over the whole run, one curve per operation,
 * latency on a log scale; read it as "this fraction of requests finished within x".
 */
final class LatencyCdfChart {
    static final String FILE = "latency-cdf";
    private static final String TITLE = "Client request latency distribution (CDF)";

    private LatencyCdfChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<MetricId, LatencyRecorder> byOp = ctx.view().latencies(Metric.CLIENT_REQUEST_DURATION);
        int width = 1100;
        int height = 440;
        if (byOp.values().stream().allMatch(l -> l.count() == 0)) {
            return ChartStyle.noData(FILE, TITLE, "no client requests recorded ("
                    + Metric.CLIENT_REQUEST_DURATION.exportedName() + ")", width, height);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.lines();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int i = 0;
        for (var e : byOp.entrySet()) {
            LatencyRecorder l = e.getValue();
            if (l.count() == 0) {
                continue;
            }
            XYSeries s = cdf(ClientLatencyChart.op(e.getKey()) + " (n=" + l.count() + ")", l.histogramCopy());
            data.addSeries(s);
            renderer.setSeriesPaint(data.getSeriesCount() - 1, ChartStyle.color(i++));
            renderer.setSeriesStroke(data.getSeriesCount() - 1, ChartStyle.SOLID);
            lo = Math.min(lo, s.getMinX());
            hi = Math.max(hi, s.getMaxX());
        }
        XYPlot plot = ChartStyle.style(new XYPlot(data, ChartStyle.latencyAxis("latency (log scale)", lo, hi),
                ChartStyle.countAxis("fraction of requests at or below"), renderer));
        plot.getRangeAxis().setRange(0, 1.06);
        ChartStyle.guide(plot, 0.99, "p99", java.awt.Color.DARK_GRAY);
        ChartStyle.guide(plot, 0.5, "p50", java.awt.Color.DARK_GRAY);
        return new ChartSpec(FILE, "Whole-run latency distribution per operation; the curve crosses the p50 and p99 "
                + "lines at those percentiles.", width, height, ChartStyle.chart(TITLE, null, plot, true), true);
    }

    /** Points of the CDF per factor of 10 in latency: enough for a smooth curve, few enough for a small SVG. */
    private static final int POINTS_PER_DECADE = 60;

    /**
     * The CDF at logarithmically spaced latencies (x in seconds): the fraction of values at or below
     * each bucket's upper end, from the bucket before the first value to the largest value.
     */
    static XYSeries cdf(String key, Histogram h) {
        XYSeries s = new XYSeries(key, false, true);
        double total = h.getTotalCount();
        double base = Math.pow(10, 1.0 / POINTS_PER_DECADE);
        long firstBucket = Math.max(1, h.getMinValue() / 2);
        for (HistogramIterationValue v : h.logarithmicBucketValues(firstBucket, base)) {
            s.add(v.getValueIteratedTo() / 1e9, v.getTotalCountToThisValue() / total);
        }
        return s;
    }
}
