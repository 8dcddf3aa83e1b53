package io.stormglass.report.internal.chart;

import io.stormglass.report.internal.analysis.Durations;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for latency axes whose values are seconds: {@code 100 µs}, {@code 10 ms}, {@code 1 s}. */
final class LatencyFormat extends NumberFormat {
    @Override
    public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
        return to.append(Durations.human(Math.round(seconds * 1e9)));
    }

    @Override
    public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) {
        return format((double) seconds, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
