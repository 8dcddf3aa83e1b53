package io.stormglass.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * A whole-run HdrHistogram (3 significant digits) fed in batches. HdrHistogram moves its minimum and
 * maximum with an atomic compare-and-set (it is written for concurrent readers), and a fresh series
 * moves them often. Values are buffered here and recorded {@value #BATCH} at a time, the batch's
 * smallest and largest first, so a batch moves the minimum and maximum at most once each. (Sorting
 * the batch as well cost more than it saved.) A histogram's counts do not depend on the order of
 * its values, so every query answers exactly what the unbatched histogram would; each query first
 * records what is buffered.
 *
 * <p>The histogram (about 260 KB at 3 digits up to an hour) is created by the first flush: most
 * series of a short run (a failover trial, a fuzz seed) record nothing or a few values, and creating
 * and zeroing it for each of them was ~8 % of such a run's time.
 */
final class RunHistogram {
    static final int BATCH = 256;

    private final long highestTrackableValue;
    private final long[] buffered = new long[BATCH];
    private Histogram histogram;
    private int count;

    RunHistogram(long highestTrackableValue) {
        this.highestTrackableValue = highestTrackableValue;
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
        return histogram == null ? emptyHistogram() : histogram;
    }

    /** Values recorded so far. */
    long totalCount() {
        return (histogram == null ? 0 : histogram.getTotalCount()) + count;
    }

    private Histogram emptyHistogram() {
        return new Histogram(1, highestTrackableValue, 3);
    }

    private void flush() {
        int n = count;
        if (n == 0) {
            return;
        }
        count = 0;
        if (histogram == null) {
            histogram = emptyHistogram();
        }
        long[] values = buffered;
        int min = 0;
        int max = 0;
        for (int i = 1; i < n; i++) {
            if (values[i] < values[min]) {
                min = i;
            } else if (values[i] > values[max]) {
                max = i;
            }
        }
        histogram.recordValue(values[min]);
        if (max != min) {
            histogram.recordValue(values[max]);
        }
        for (int i = 0; i < n; i++) {
            if (i != min && i != max) {
                histogram.recordValue(values[i]);
            }
        }
    }
}
