package io.stormglass.report.internal.chart;

import java.util.List;

/** Every chart of a run's report, in the order the report shows them. */
public final class Charts {
    private Charts() {
    }

    public static List<ChartSpec> all(ChartContext ctx) {
        ChartFiles.headless();
        return List.of(
                LeaderTimelineChart.build(ctx),
                FsyncChart.build(ctx),
                ClientLatencyChart.build(ctx),
                LatencyCdfChart.build(ctx),
                DiskChart.build(ctx),
                ClientErrorsChart.build(ctx),
                ElectionsChart.build(ctx));
    }
}
