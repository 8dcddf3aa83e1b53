package io.stormglass.report.internal.chart;

import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import java.util.List;
import org.jfree.chart.plot.XYPlot;

/** What every chart is drawn from: the recording, its summary and timeline, and the time axis unit. */
public record ChartContext(RecordingView view, RunSummary summary, List<TimelineEvent> events, TimeScale scale) {
    public static ChartContext of(RecordingView view, RunSummary summary, List<TimelineEvent> events) {
        return new ChartContext(view, summary, events, TimeScale.forDuration(view.durationNanos()));
    }

    public long durationNanos() {
        return view.durationNanos();
    }

    /** Window {@code w}'s middle on the time axis. */
    public double x(int w) {
        return scale.of((view.windowStartNanos(w) + view.windowEndNanos(w)) / 2.0);
    }

    /** Window {@code w}'s width in seconds. */
    public double widthSeconds(int w) {
        return view.windowWidthNanos(w) / 1e9;
    }

    /** Width of a full window in time-axis units. */
    public double windowUnits() {
        return scale.of(view.recorder().windowNanos());
    }

    /** Text of the window width, for axis labels such as "per 1 s window". */
    public String windowText() {
        return io.stormglass.report.internal.analysis.Durations.human(view.recorder().windowNanos());
    }

    /** Marks every leader change on {@code plot}. */
    public void markLeaderChanges(XYPlot plot) {
        for (LeaderChange c : summary.changes()) {
            ChartStyle.leaderChange(plot, scale.of(c.atNanos()));
        }
    }
}
