package io.stormglass.report.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explorer's metric series at several resolutions: level 0 holds the run's own windows, each
 * further level merges pairs of the level below (a sum for counts, the larger value for maxima and
 * percentiles, the mean for ratios), until a level has at most {@value #COARSEST_WINDOWS} windows.
 * The page draws the finest level that has no more windows in view than the screen has pixels, so
 * a week-long run stays smooth and a two-second view shows single windows. The total size is at
 * most twice level 0's, which the recorder already bounds (it coarsens past 16 384 windows).
 */
final class SeriesLevels {
    static final int COARSEST_WINDOWS = 512;

    /** How a series merges two adjacent windows. */
    enum Merge { SUM, MAX, MEAN }

    /** One series: its id, the lane it is drawn in, its label and unit, how it merges, its values per window (NaN: none). */
    record Series(String id, String lane, String label, String unit, Merge merge, double[] values) {
    }

    /** One resolution: window starts (seconds) and each series' values, by series id. */
    record Level(double windowSeconds, double[] startSeconds, Map<String, double[]> values) {
    }

    private SeriesLevels() {
    }

    /** Every level, finest first, from windows of {@code windowSeconds} starting at 0. */
    static List<Level> build(double windowSeconds, int windows, List<Series> series) {
        List<Level> levels = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Series s : series) {
            values.put(s.id(), s.values());
        }
        double width = windowSeconds;
        int n = windows;
        levels.add(new Level(width, starts(width, n), values));
        while (n > COARSEST_WINDOWS) {
            Map<String, double[]> merged = new LinkedHashMap<>();
            for (Series s : series) {
                merged.put(s.id(), halve(values.get(s.id()), s.merge()));
            }
            values = merged;
            width *= 2;
            n = (n + 1) / 2;
            levels.add(new Level(width, starts(width, n), values));
        }
        return levels;
    }

    private static double[] starts(double width, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * width;
        }
        return t;
    }

    static double[] halve(double[] v, Merge merge) {
        double[] out = new double[(v.length + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            double a = v[2 * i];
            double b = 2 * i + 1 < v.length ? v[2 * i + 1] : Double.NaN;
            out[i] = merge(a, b, merge);
        }
        return out;
    }

    private static double merge(double a, double b, Merge merge) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return switch (merge) {
            case SUM -> a + b;
            case MAX -> Math.max(a, b);
            case MEAN -> (a + b) / 2;
        };
    }
}
