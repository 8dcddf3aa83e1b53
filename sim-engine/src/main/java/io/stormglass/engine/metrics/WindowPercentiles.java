package io.stormglass.engine.metrics;

import java.util.Arrays;
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

    private final IntCountsHistogram histogram;
    private final long[] raw = new long[RAW_VALUES];
    private int rawCount;
    private boolean spilled;

    WindowPercentiles(long highestNanos) {
        histogram = new IntCountsHistogram(LOWEST_NANOS, highestNanos, 2);
    }

    void record(long nanos) {
        long v = Math.max(LOWEST_NANOS, nanos);
        if (spilled) {
            histogram.recordValue(v);
        } else if (rawCount < RAW_VALUES) {
            raw[rawCount++] = v;
        } else {
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
        Arrays.sort(raw, 0, rawCount);
        for (int i = 0; i < out.length; i++) {
            // HdrHistogram's rank: one ulp below the percentile, ceil of its share of the count, at least 1
            double p = Math.min(Math.max(Math.nextAfter(percentiles[i], Double.NEGATIVE_INFINITY), 0.0), 100.0);
            long rank = Math.max(1, (long) Math.ceil(p / 100.0 * rawCount));
            out[i] = histogram.highestEquivalentValue(raw[(int) Math.min(rank, rawCount) - 1]);
        }
        return out;
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
