package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import io.stormglass.report.internal.chart.ChartContext;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.chart.Charts;
import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class LongRunChartTest {
    @Test
    void longRunsArePlottedWithBoundedPointsKeepingPeaksAndRates() {
        RunRecord run = new SyntheticRun(3, 4000, 11).electFirst(1, 0.7)
                .slowFsyncChange(1, 2, 2000.2, 2.14, 2001.35).build();
        RecordingView view = new RecordingView(run.recorder(), run.simulatedDurationNanos());
        ChartContext ctx = ChartContext.of(view, RunSummary.of(run), run.recorder().timeline().events());
        assertEquals(4000, view.windows());
        assertEquals(3, ctx.windowsPerPoint());
        assertEquals(1334, ctx.points());
        assertTrue(ctx.points() <= ChartContext.MAX_POINTS);

        List<ChartSpec> charts = Charts.all(ctx);
        XYDataset fsync = charts.stream().filter(c -> c.fileStem().equals("wal-fsync")).findFirst().orElseThrow()
                .chart().getXYPlot().getDataset();
        int n1Max = ((XYSeriesCollection) fsync).getSeriesIndex("n1 max");
        assertEquals(1334, fsync.getItemCount(n1Max));
        double peak = 0;
        for (int i = 0; i < fsync.getItemCount(n1Max); i++) {
            peak = Math.max(peak, fsync.getYValue(n1Max, i));
        }
        assertEquals(2.14, peak, 2.14e-3, "the stalled fdatasync survives merging windows");

        CombinedDomainXYPlot latency = (CombinedDomainXYPlot) charts.stream()
                .filter(c -> c.fileStem().equals("client-latency")).findFirst().orElseThrow().chart().getPlot();
        XYDataset throughput = latency.getSubplots().get(1).getDataset();
        for (int i = 0; i < throughput.getItemCount(0); i++) {
            assertEquals(100, throughput.getYValue(0, i), 1e-9, "100 requests/s in every merged point " + i);
        }
    }

    @Test
    void aChartMayAskForFewerPointsButNeverMore() {
        RunRecord run = new SyntheticRun(3, 4000, 11).electFirst(1, 0.7).build();
        RecordingView view = new RecordingView(run.recorder(), run.simulatedDurationNanos());
        ChartContext ctx = ChartContext.of(view, RunSummary.of(run), run.recorder().timeline().events());
        ChartContext coarse = ctx.atMostPoints(400);
        assertEquals(10, coarse.windowsPerPoint(), "4 000 windows in at most 400 points");
        assertEquals(400, coarse.points());
        assertEquals(ctx.windowsPerPoint(), ctx.atMostPoints(100_000).windowsPerPoint(), "never finer than the context");
    }
}
