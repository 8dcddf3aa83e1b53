package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.report.internal.analysis.RecordingView;
import org.jfree.data.xy.XYSeries;

/**
 * Windowed recordings as chart series, one item per plotted point of the {@link ChartContext}, x at
 * the point's middle. Points that merge windows add counts and take the largest percentile or gauge.
 */
final class Series {
    private Series() {
    }

    /** Column {@code column} of a latency series in seconds; points without values are NaN (gaps). */
    static XYSeries latency(ChartContext ctx, String key, LatencyRecorder l, int column) {
        XYSeries s = new XYSeries(key, false, true);
        for (int p = 0; p < ctx.points(); p++) {
            double max = Double.NaN;
            for (int w = ctx.firstWindow(p); w < ctx.endWindow(p) && w < l.windowCount(); w++) {
                double[] row = l.windowRow(w);
                if (row[LatencyRecorder.COUNT] > 0) {
                    max = Double.isNaN(max) ? row[column] : Math.max(max, row[column]);
                }
            }
            s.add(ctx.x(p), max / 1e9);
        }
        return s;
    }

    /** A counter's increments per second of each point. */
    static XYSeries rate(ChartContext ctx, String key, Counter c) {
        XYSeries s = new XYSeries(key, false, true);
        for (int p = 0; p < ctx.points(); p++) {
            s.add(ctx.x(p), perSecond(ctx, p, sum(ctx, p, c)));
        }
        return s;
    }

    /** Requests per second of each point from a latency series' counts. */
    static XYSeries rate(ChartContext ctx, String key, LatencyRecorder l) {
        XYSeries s = new XYSeries(key, false, true);
        for (int p = 0; p < ctx.points(); p++) {
            double count = 0;
            for (int w = ctx.firstWindow(p); w < ctx.endWindow(p) && w < l.windowCount(); w++) {
                count += l.windowRow(w)[LatencyRecorder.COUNT];
            }
            s.add(ctx.x(p), perSecond(ctx, p, count));
        }
        return s;
    }

    /** A counter's increments per point, for stacked tables (no duplicate x). */
    static XYSeries perPoint(ChartContext ctx, String key, Counter c) {
        XYSeries s = new XYSeries(key, true, false);
        for (int p = 0; p < ctx.points(); p++) {
            s.add(ctx.x(p), sum(ctx, p, c));
        }
        return s;
    }

    /** A counter of busy nanoseconds as the busy fraction of each point, for stacked tables. */
    static XYSeries busyFraction(ChartContext ctx, String key, Counter busyNanos) {
        XYSeries s = new XYSeries(key, true, false);
        for (int p = 0; p < ctx.points(); p++) {
            long width = ctx.widthNanos(p);
            s.add(ctx.x(p), width > 0 ? sum(ctx, p, busyNanos) / (double) width : 0);
        }
        return s;
    }

    /** The largest sample of a gauge in each point; NaN where it has none. */
    static XYSeries gaugeMax(ChartContext ctx, String key, Gauge g) {
        XYSeries s = new XYSeries(key, false, true);
        for (int p = 0; p < ctx.points(); p++) {
            double max = Double.NaN;
            for (int w = ctx.firstWindow(p); w < ctx.endWindow(p); w++) {
                double v = RecordingView.value(g, w);
                if (!Double.isNaN(v)) {
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                }
            }
            s.add(ctx.x(p), max);
        }
        return s;
    }

    private static long sum(ChartContext ctx, int p, Counter c) {
        long sum = 0;
        for (int w = ctx.firstWindow(p); w < ctx.endWindow(p); w++) {
            sum += RecordingView.value(c, w);
        }
        return sum;
    }

    private static double perSecond(ChartContext ctx, int p, double count) {
        double seconds = ctx.widthNanos(p) / 1e9;
        return seconds > 0 ? count / seconds : 0;
    }

    /** Largest finite positive y of {@code s}, or NaN. */
    static double maxY(XYSeries s) {
        double max = Double.NaN;
        for (int i = 0; i < s.getItemCount(); i++) {
            double y = s.getY(i).doubleValue();
            if (y > 0 && !Double.isInfinite(y) && (Double.isNaN(max) || y > max)) {
                max = y;
            }
        }
        return max;
    }

    /** Smallest finite positive y of {@code s}, or NaN. */
    static double minY(XYSeries s) {
        double min = Double.NaN;
        for (int i = 0; i < s.getItemCount(); i++) {
            double y = s.getY(i).doubleValue();
            if (y > 0 && !Double.isInfinite(y) && (Double.isNaN(min) || y < min)) {
                min = y;
            }
        }
        return min;
    }
}
