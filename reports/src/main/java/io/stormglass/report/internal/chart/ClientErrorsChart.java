package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.MetricId;
import java.util.SortedMap;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.DefaultTableXYDataset;

/** Client errors per window, stacked by etcd's error text, with leader changes marked. */
final class ClientErrorsChart {
    static final String FILE = "client-errors";
    private static final String TITLE = "Client errors over time";

    private ClientErrorsChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<MetricId, Counter> errors = ctx.view().counters(Metric.CLIENT_ERRORS);
        int width = 1100;
        int height = 400;
        if (errors.values().stream().allMatch(c -> c.total() == 0) || ctx.view().windows() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no client errors recorded (" + Metric.CLIENT_ERRORS.exportedName() + ")",
                    width, height);
        }
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.1);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        int i = 0;
        for (var e : errors.entrySet()) {
            if (e.getValue().total() == 0) {
                continue;
            }
            String text = e.getKey().label(Label.ERROR.key());
            data.addSeries(Series.perPoint(ctx, text == null ? e.getKey().labels() : text, e.getValue()));
            renderer.setSeriesPaint(i, ChartStyle.color(i + 3));
            i++;
        }
        data.setIntervalWidth(ctx.pointUnits());
        XYPlot plot = ChartStyle.style(new XYPlot(data, ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()),
                ChartStyle.integerAxis("errors per " + ctx.pointText() + " window"), renderer));
        ctx.markLeaderChanges(plot);
        return new ChartSpec(FILE, "Errors clients saw per " + ctx.pointText() + " window, stacked by error text; "
                + "red lines mark leader changes.", width, height, ChartStyle.chart(TITLE, null, plot, true), true);
    }
}
