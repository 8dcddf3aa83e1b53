package io.stormglass.report.explorer;

import java.util.Locale;

/** Simulated instants and durations as the explorer's words show them. */
final class SimTime {
    private SimTime() {
    }

    /** {@code h:mm:ss.mmm} since the start of the run. */
    static String at(long nanos) {
        long ms = Math.floorDiv(nanos, 1_000_000L);
        long h = ms / 3_600_000L;
        long m = ms / 60_000L % 60;
        long s = ms / 1000 % 60;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", h, m, s, ms % 1000);
    }

    /** A duration with a unit that suits it: {@code 2.13 s}, {@code 41.0 ms}, {@code 850 µs}. */
    static String duration(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%d µs", nanos / 1000);
    }

    /** Seconds, rounded to the microsecond, for the page's data. */
    static double seconds(long nanos) {
        return Math.round(nanos / 1000.0) / 1e6;
    }
}
