package io.stormglass.report.internal.chart;

/**
 * The unit of simulated time on chart axes, chosen from the run's length so that tick labels stay
 * short: seconds up to 10 minutes, minutes up to 10 hours, hours beyond.
 *
 * @param nanosPerUnit nanoseconds per axis unit
 * @param unit         the unit's symbol for axis labels
 */
public record TimeScale(double nanosPerUnit, String unit) {
    public static TimeScale forDuration(long durationNanos) {
        if (durationNanos <= 600_000_000_000L) {
            return new TimeScale(1e9, "s");
        } else if (durationNanos <= 36_000_000_000_000L) {
            return new TimeScale(60e9, "min");
        }
        return new TimeScale(3600e9, "h");
    }

    public double of(double nanos) {
        return nanos / nanosPerUnit;
    }

    public String axisLabel() {
        return "Simulated time (" + unit + ")";
    }
}
