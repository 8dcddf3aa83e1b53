package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.report.internal.analysis.RecordingView;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Per device: its busy time split by issuer (stacked areas, so a neighbour such as Prometheus
 * stands apart from the WAL and backend) under the sampled utilisation line; below, the queue
 * depth of every device.
 */
final class DiskChart {
    static final String FILE = "disk";
    private static final String TITLE = "Disk utilisation and queue depth";

    private DiskChart() {
    }

    /** Points per series: each point of each issuer is a polygon of its own in the stacked areas. */
    static final int MAX_POINTS = 200;

    static ChartSpec build(ChartContext full) {
        // 200 points over the chart's ~1 000 px still resolve a burst of a few minutes in a 12-hour run,
        // and keep disk.svg a few MB instead of 25 (issue 23: a run's folder stays under 50 MB)
        ChartContext ctx = full.atMostPoints(MAX_POINTS);
        RecordingView view = ctx.view();
        SortedMap<String, Gauge> utilisation = byDevice(view.gauges(Metric.DISK_UTILISATION));
        SortedMap<String, Gauge> queue = byDevice(view.gauges(Metric.DISK_QUEUE_DEPTH));
        SortedMap<String, SortedMap<String, Counter>> busy = new TreeMap<>();
        SortedSet<String> issuers = new TreeSet<>();
        view.counters(Metric.DISK_BUSY_NANOS).forEach((id, c) -> {
            String issuer = orEmpty(id.label(Label.ISSUER.key()));
            busy.computeIfAbsent(orEmpty(id.label(Label.DEVICE.key())), k -> new TreeMap<>()).put(issuer, c);
            issuers.add(issuer);
        });
        SortedSet<String> devices = new TreeSet<>(utilisation.keySet());
        devices.addAll(busy.keySet());
        devices.addAll(queue.keySet());
        int width = 1100;
        int height = 170 + 210 * (devices.size() + (queue.isEmpty() ? 0 : 1));
        if (devices.isEmpty() || view.windows() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no disk metrics recorded (" + Metric.DISK_UTILISATION.exportedName() + ", "
                    + Metric.DISK_BUSY_NANOS.exportedName() + ")", width, 380);
        }
        List<String> issuerOrder = new ArrayList<>(issuers);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()));
        plot.setGap(14);
        for (String device : devices) {
            plot.add(devicePlot(ctx, device, utilisation.get(device), busy.getOrDefault(device, new TreeMap<>()),
                    issuerOrder), 1);
        }
        if (!queue.isEmpty()) {
            XYSeriesCollection depth = new XYSeriesCollection();
            XYLineAndShapeRenderer lines = ChartStyle.lines();
            int i = 0;
            for (var e : queue.entrySet()) {
                XYSeries s = Series.gaugeMax(ctx, "queue " + e.getKey(), e.getValue());
                depth.addSeries(s);
                lines.setSeriesPaint(i, ChartStyle.color(i));
                lines.setSeriesStroke(i++, ChartStyle.THIN);
            }
            XYPlot q = ChartStyle.style(new XYPlot(depth, null, ChartStyle.countAxis("queue depth"), lines));
            ctx.markLeaderChanges(q);
            plot.add(q, 1);
        }
        return new ChartSpec(FILE, "Per device: busy fraction of each " + ctx.pointText() + " window by issuer "
                + "(stacked; neighbours in their own colour) and the sampled utilisation (black); bottom: queue "
                + "depth sampled at each window end. Red lines mark leader changes.", width, height,
                ChartStyle.chart(TITLE, String.join(", ", devices), plot, true), true);
    }

    private static XYPlot devicePlot(ChartContext ctx, String device, Gauge utilisation,
                                     SortedMap<String, Counter> busy, List<String> issuerOrder) {
        DefaultTableXYDataset shares = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 areas = new StackedXYAreaRenderer2();
        int i = 0;
        for (var e : busy.entrySet()) {
            XYSeries s = Series.busyFraction(ctx, device + " " + (e.getKey().isEmpty() ? "busy" : e.getKey()),
                    e.getValue());
            shares.addSeries(s);
            areas.setSeriesPaint(i++, ChartStyle.color(issuerOrder.indexOf(e.getKey())));
        }
        NumberAxis axis = ChartStyle.countAxis(device);
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        axis.setNumberFormatOverride(percent);
        axis.setRange(0, 1.05);
        XYPlot plot = ChartStyle.style(new XYPlot(shares, null, axis, areas));
        if (utilisation != null) {
            XYSeriesCollection line = new XYSeriesCollection();
            XYSeries s = Series.gaugeMax(ctx, device + " utilisation", utilisation);
            line.addSeries(s);
            XYLineAndShapeRenderer r = ChartStyle.lines();
            r.setSeriesPaint(0, Color.BLACK);
            r.setSeriesStroke(0, ChartStyle.SOLID);
            plot.setDataset(1, line);
            plot.setRenderer(1, r);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        ctx.markLeaderChanges(plot);
        return plot;
    }

    private static SortedMap<String, Gauge> byDevice(SortedMap<MetricId, Gauge> gauges) {
        SortedMap<String, Gauge> out = new TreeMap<>();
        gauges.forEach((id, g) -> out.put(orEmpty(id.label(Label.DEVICE.key())), g));
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
