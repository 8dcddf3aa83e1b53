package io.stormglass.engine.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A whole-run HdrHistogram (3 significant digits) fed in batches. Recording one value at a time
 * into a 33 792-bucket array per series touched a cold cache line per value, and a value above the
 * running maximum (or below the minimum) took an atomic compare-and-set: with ~140 series in the
 * incident this was a tenth of the run's CPU (issue 23). Values are buffered here and recorded
 * {@value #BATCH} at a time in increasing order, the smallest and largest first, so a batch walks
 * the array once and moves the minimum and maximum at most once each. A histogram's counts do not
 * depend on the order of its values, so every query answers exactly what the unbatched histogram
 * would; each query first records what is buffered.
 */
final class RunHistogram {
    static final int BATCH = 256;

    private final Histogram histogram;
    private final long[] buffered = new long[BATCH];
    private int count;

    RunHistogram(long highestTrackableValue) {
        histogram = new Histogram(1, highestTrackableValue, 3);
    }

    /** Adds {@code value}, which must lie in [1, highest trackable value]. */
    void record(long value) {
        buffered[count++] = value;
        if (count == BATCH) {
            flush();
        }
    }

    /** The histogram with every value recorded so far; do not keep it across later records. */
    Histogram settled() {
        flush();
        return histogram;
    }

    /** Values recorded so far. */
    long totalCount() {
        return histogram.getTotalCount() + count;
    }

    private void flush() {
        int n = count;
        if (n == 0) {
            return;
        }
        count = 0;
        Arrays.sort(buffered, 0, n);
        histogram.recordValue(buffered[0]);
        if (n > 1) {
            histogram.recordValue(buffered[n - 1]);
        }
        for (int i = 1; i < n - 1; i++) {
            histogram.recordValue(buffered[i]);
        }
    }
}
