package io.stormglass.engine.metrics;

import org.HdrHistogram.IntCountsHistogram;

/**
 * The values of one metrics window, for its percentiles at 2 significant digits (HdrHistogram's
 * highest equivalent value of the bucket the percentile falls in). Most windows of most series hold
 * a few values (a member's fsyncs, a link's messages in 10 s), and clearing and scanning a
 * 3 456-bucket histogram for each of them cost more than the values themselves: up to
 * {@value #RAW_VALUES} values are kept as they are and sorted at the window's end, and only a fuller
 * window spills into the histogram. Both paths give the same numbers: the k-th smallest value's
 * bucket is the bucket where the histogram's running count first reaches k.
 */
final class WindowPercentiles {
    /** Values a window keeps raw before it spills into the histogram. */
    static final int RAW_VALUES = 256;
    /** Values below this are recorded as this, the histogram's lowest discernible value (1 µs). */
    static final long LOWEST_NANOS = 1000;

    /**
     * The bucket layout, for {@link IntCountsHistogram#highestEquivalentValue}: it depends only on the
     * lowest value and the digits, and is only read, so one instance serves every series and thread.
     */
    private static final IntCountsHistogram LAYOUT = new IntCountsHistogram(LOWEST_NANOS, LatencyRecorder.MAX_TRACKED_NANOS, 2);

    private final long highestNanos;
    /** Created by the first window that spills (18 KB, zeroed): most series never spill. */
    private IntCountsHistogram histogram;
    private final long[] raw = new long[RAW_VALUES];
    private int rawCount;
    private boolean spilled;

    WindowPercentiles(long highestNanos) {
        this.highestNanos = highestNanos;
    }

    void record(long nanos) {
        long v = Math.max(LOWEST_NANOS, nanos);
        if (spilled) {
            histogram.recordValue(v);
        } else if (rawCount < RAW_VALUES) {
            raw[rawCount++] = v;
        } else {
            if (histogram == null) {
                histogram = newHistogram();
            }
            for (int i = 0; i < rawCount; i++) {
                histogram.recordValue(raw[i]);
            }
            histogram.recordValue(v);
            spilled = true;
        }
    }

    /** Values recorded since the last {@link #reset()}. */
    long count() {
        return spilled ? histogram.getTotalCount() : rawCount;
    }

    /**
     * The values at each of {@code percentiles} (0 < p ≤ 100), as {@link IntCountsHistogram#getValueAtPercentile}
     * gives them; the window must not be empty.
     */
    long[] valuesAt(double... percentiles) {
        long[] out = new long[percentiles.length];
        if (spilled) {
            for (int i = 0; i < out.length; i++) {
                out[i] = histogram.getValueAtPercentile(percentiles[i]);
            }
            return out;
        }
        // each rank's value by selection, in increasing rank order, each search right of the last:
        // a full sort of the window cost half of the window-closing time (issue 23)
        long[] ranks = new long[out.length];
        for (int i = 0; i < out.length; i++) {
            // HdrHistogram's rank: one ulp below the percentile, ceil of its share of the count, at least 1
            double p = Math.min(Math.max(Math.nextAfter(percentiles[i], Double.NEGATIVE_INFINITY), 0.0), 100.0);
            ranks[i] = Math.min(Math.max(1, (long) Math.ceil(p / 100.0 * rawCount)), rawCount);
        }
        int from = 0;
        for (int i : byRank(ranks)) {
            int k = (int) ranks[i] - 1;
            out[i] = LAYOUT.highestEquivalentValue(select(raw, from, rawCount - 1, k));
            from = k;
        }
        return out;
    }

    /**
     * The indices of {@code ranks} in increasing rank order, ties in index order: an insertion sort of
     * a handful of primitives (a boxed sort with a comparator cost more than the selections, issue 23).
     */
    private static int[] byRank(long[] ranks) {
        int[] order = new int[ranks.length];
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && ranks[order[j - 1]] > ranks[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    /**
     * The {@code k}-th smallest of {@code a[lo..hi]} (Hoare's selection, median-of-three pivot),
     * leaving every element left of {@code k} no larger and every one right of it no smaller.
     */
    private static long select(long[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            long x = a[lo];
            long y = a[mid];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private IntCountsHistogram newHistogram() {
        return new IntCountsHistogram(LOWEST_NANOS, highestNanos, 2);
    }

    /** Starts the next window; clears the histogram only if this window spilled into it. */
    void reset() {
        if (spilled) {
            histogram.reset();
            spilled = false;
        }
        rawCount = 0;
    }
}
