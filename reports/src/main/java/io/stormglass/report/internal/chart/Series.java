package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import org.jfree.data.xy.XYSeries;

/** Windowed recordings as chart series, x at each window's middle on the context's time axis. */
final class Series {
    private Series() {
    }

    /** Column {@code column} of a latency series in seconds; windows without values are NaN (gaps). */
    static XYSeries latency(ChartContext ctx, String key, LatencyRecorder l, int column) {
        XYSeries s = new XYSeries(key, false, true);
        for (int w = 0; w < ctx.view().windows(); w++) {
            boolean empty = w >= l.windowCount() || l.windowRow(w)[LatencyRecorder.COUNT] == 0;
            s.add(ctx.x(w), empty ? Double.NaN : l.windowRow(w)[column] / 1e9);
        }
        return s;
    }

    /** A counter's increments per second of each window. */
    static XYSeries rate(ChartContext ctx, String key, Counter c) {
        XYSeries s = new XYSeries(key, false, true);
        for (int w = 0; w < ctx.view().windows(); w++) {
            s.add(ctx.x(w), rateOf(ctx, w, w < c.windowCount() ? c.windowValue(w) : 0));
        }
        return s;
    }

    /** Requests per second of each window from a latency series' counts. */
    static XYSeries rate(ChartContext ctx, String key, LatencyRecorder l) {
        XYSeries s = new XYSeries(key, false, true);
        for (int w = 0; w < ctx.view().windows(); w++) {
            s.add(ctx.x(w), rateOf(ctx, w, w < l.windowCount() ? l.windowRow(w)[LatencyRecorder.COUNT] : 0));
        }
        return s;
    }

    /** A counter's increments per window. */
    static XYSeries perWindow(ChartContext ctx, String key, Counter c) {
        XYSeries s = new XYSeries(key, true, false);
        for (int w = 0; w < ctx.view().windows(); w++) {
            s.add(ctx.x(w), w < c.windowCount() ? c.windowValue(w) : 0);
        }
        return s;
    }

    private static double rateOf(ChartContext ctx, int w, double count) {
        double seconds = ctx.widthSeconds(w);
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
