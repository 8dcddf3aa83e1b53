package io.stormglass.report.internal.chart;

import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.internal.analysis.Durations;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import java.util.List;
import org.jfree.chart.plot.XYPlot;

/**
 * What every chart is drawn from: the recording, its summary and timeline, the time axis unit, and how
 * many recorder windows make one plotted point. Charts plot at most {@value #MAX_POINTS} points per
 * series (a day-long run has thousands of windows, more than a chart can show and an SVG should carry);
 * a point merges adjacent windows the way the engine coarsens them: counts add up, latency
 * percentiles and gauges take the largest value (an upper bound).
 */
public record ChartContext(RecordingView view, RunSummary summary, List<TimelineEvent> events, TimeScale scale,
                           int windowsPerPoint) {
    /** The most points a series is plotted with. */
    public static final int MAX_POINTS = 1500;

    public static ChartContext of(RecordingView view, RunSummary summary, List<TimelineEvent> events) {
        return new ChartContext(view, summary, events, TimeScale.forDuration(view.durationNanos()),
                perPoint(view, MAX_POINTS));
    }

    /**
     * This context with at most {@code maxPoints} points per series (never finer than it is): for a
     * chart whose every point is a shape of its own per series (stacked areas), which would otherwise
     * carry a hundred thousand SVG paths.
     */
    public ChartContext atMostPoints(int maxPoints) {
        return new ChartContext(view, summary, events, scale, Math.max(windowsPerPoint, perPoint(view, maxPoints)));
    }

    private static int perPoint(RecordingView view, int maxPoints) {
        return Math.max(1, (view.windows() + maxPoints - 1) / maxPoints);
    }

    public long durationNanos() {
        return view.durationNanos();
    }

    /** Number of plotted points. */
    public int points() {
        return (view.windows() + windowsPerPoint - 1) / windowsPerPoint;
    }

    /** First window of point {@code p}. */
    public int firstWindow(int p) {
        return p * windowsPerPoint;
    }

    /** One past the last window of point {@code p}. */
    public int endWindow(int p) {
        return Math.min((p + 1) * windowsPerPoint, view.windows());
    }

    /** The point whose windows contain {@code timeNanos}, or -1 if there are no windows. */
    public int pointAt(long timeNanos) {
        int w = view.windowAt(timeNanos);
        return w < 0 ? -1 : w / windowsPerPoint;
    }

    /** Point {@code p}'s middle on the time axis. */
    public double x(int p) {
        return scale.of((view.windowStartNanos(firstWindow(p)) + view.windowEndNanos(endWindow(p) - 1)) / 2.0);
    }

    /** Virtual time point {@code p} covers, in nanoseconds. */
    public long widthNanos(int p) {
        return view.windowEndNanos(endWindow(p) - 1) - view.windowStartNanos(firstWindow(p));
    }

    /** Width of a full point in time-axis units. */
    public double pointUnits() {
        return scale.of((double) view.recorder().windowNanos() * windowsPerPoint);
    }

    /** Text of a full point's width, for labels such as "per 1 s window". */
    public String pointText() {
        return Durations.human(view.recorder().windowNanos() * windowsPerPoint);
    }

    /** Marks every leader change on {@code plot}. */
    public void markLeaderChanges(XYPlot plot) {
        for (LeaderChange c : summary.changes()) {
            ChartStyle.leaderChange(plot, scale.of(c.atNanos()));
        }
    }
}
