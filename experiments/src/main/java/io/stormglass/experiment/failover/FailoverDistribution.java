package io.stormglass.experiment.failover;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of failover times over trials. Percentiles are nearest-rank over every trial;
 * a trial in which no new leader emerged counts as infinitely long, so that a p99 over trials
 * with more than 1 % unresolved is infinite rather than flattering.
 *
 * @param samplesNanos each trial's failover time in nanoseconds, sorted, unresolved trials as {@link Long#MAX_VALUE}
 */
public record FailoverDistribution(long[] samplesNanos) {
    public FailoverDistribution {
        samplesNanos = samplesNanos.clone();
        Arrays.sort(samplesNanos);
    }

    public static FailoverDistribution of(List<FailoverTrial> trials) {
        return new FailoverDistribution(trials.stream()
                .mapToLong(t -> t.resolved() ? t.failoverNanos() : Long.MAX_VALUE).toArray());
    }

    public int trials() {
        return samplesNanos.length;
    }

    public int unresolved() {
        return (int) Arrays.stream(samplesNanos).filter(v -> v == Long.MAX_VALUE).count();
    }

    /**
     * The nearest-rank percentile in milliseconds: the smallest sample with at least {@code p} % of
     * samples at or below it; {@code NaN} without trials, infinite if it falls on an unresolved trial.
     */
    public double percentileMs(double p) {
        return percentileMs(samplesNanos, p);
    }

    /** Nearest-rank percentile of sorted nanosecond samples, in milliseconds ({@link Long#MAX_VALUE} is infinite). */
    public static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        long v = sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
        return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
    }

    /** Resolved samples in milliseconds, for a CDF. */
    public double[] resolvedMs() {
        return Arrays.stream(samplesNanos).filter(v -> v != Long.MAX_VALUE).mapToDouble(v -> v / 1e6).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverDistribution d && Arrays.equals(samplesNanos, d.samplesNanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samplesNanos);
    }

    @Override
    public String toString() {
        return "FailoverDistribution" + Arrays.toString(samplesNanos);
    }
}
