package io.stormglass.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latencies in nanoseconds: an HdrHistogram over the whole run (3 significant digits) and a
 * summary row per window (count, mean, p50, p90, p99, p99.9, max; 2 significant digits).
 * Values above one hour are clamped to one hour.
 */
public final class LatencyRecorder {
    /** Largest value recorded exactly: one hour in nanoseconds. */
    public static final long MAX_TRACKED_NANOS = 3_600_000_000_000L;

    /** Column order of {@link #windowRow(int)}. */
    public static final int COUNT = 0;
    public static final int SUM_NANOS = 1;
    public static final int P50 = 2;
    public static final int P90 = 3;
    public static final int P99 = 4;
    public static final int P999 = 5;
    public static final int MAX = 6;

    private final MetricId id;
    private final RunHistogram total = new RunHistogram(MAX_TRACKED_NANOS);
    private final WindowPercentiles window = new WindowPercentiles(MAX_TRACKED_NANOS);
    private final WindowedSeries windows;
    private static final WindowedSeries.Merge[] MERGES = {
            WindowedSeries.Merge.SUM, WindowedSeries.Merge.SUM, WindowedSeries.Merge.MAX,
            WindowedSeries.Merge.MAX, WindowedSeries.Merge.MAX, WindowedSeries.Merge.MAX,
            WindowedSeries.Merge.MAX};
    private long windowSumNanos;
    private long windowMaxNanos;
    /** The closing window's row, copied into {@link #windows}: reused, not one array per window. */
    private final double[] row = new double[MAX + 1];

    LatencyRecorder(MetricId id, int maxWindows) {
        this.id = id;
        this.windows = new WindowedSeries(maxWindows, MERGES);
    }

    public MetricId id() {
        return id;
    }

    public void record(long nanos) {
        long v = Math.max(1, Math.min(nanos, MAX_TRACKED_NANOS));
        total.record(v);
        window.record(v);
        windowSumNanos += v;
        windowMaxNanos = Math.max(windowMaxNanos, v);
    }

    /** Number of values recorded over the run. */
    public long count() {
        return total.totalCount();
    }

    /** Value at {@code percentile} (0–100) over the whole run, in nanoseconds; 0 if empty. */
    public long percentileNanos(double percentile) {
        return total.totalCount() == 0 ? 0 : total.settled().getValueAtPercentile(percentile);
    }

    public long maxNanos() {
        return total.totalCount() == 0 ? 0 : total.settled().getMaxValue();
    }

    public double meanNanos() {
        return total.totalCount() == 0 ? 0 : total.settled().getMean();
    }

    /** A copy of the whole-run histogram, for CDFs. */
    public Histogram histogramCopy() {
        return total.settled().copy();
    }

    public int windowCount() {
        return windows.rows();
    }

    /**
     * Window {@code i}'s summary, indexed by {@link #COUNT} .. {@link #MAX}. After coarsening the
     * percentiles of a merged window are the larger of the two merged values (an upper bound).
     */
    public double[] windowRow(int i) {
        double[] row = new double[MAX + 1];
        for (int c = 0; c <= MAX; c++) {
            row[c] = windows.get(i, c);
        }
        return row;
    }

    void closeWindow(int index) {
        windows.padTo(index);
        long n = window.count();
        if (n == 0) {
            windows.padTo(index + 1);
            return;
        }
        long[] p = window.valuesAt(50, 90, 99, 99.9);
        double[] row = this.row;
        row[COUNT] = n;
        row[SUM_NANOS] = windowSumNanos;
        row[P50] = p[0];
        row[P90] = p[1];
        row[P99] = p[2];
        row[P999] = p[3];
        row[MAX] = windowMaxNanos;
        windows.appendRow(row);
        window.reset();
        windowSumNanos = 0;
        windowMaxNanos = 0;
    }

    void coarsen() {
        windows.coarsen();
    }
}
