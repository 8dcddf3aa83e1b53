package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;
import java.util.Arrays;

/**
 * A distribution given by points of its CDF: {@code probabilities[i]} of latencies are at most
 * {@code valuesMs[i]}, linear in between (as Prometheus' {@code histogram_quantile} assumes within
 * a bucket). Probabilities run from 0 to 1 and never decrease; values never decrease. Drawn by
 * inversion: one uniform per draw.
 *
 * <p>{@link #fromPrometheusBuckets} turns a measured histogram, such as etcd's
 * {@code etcd_network_peer_round_trip_time_seconds}, into a latency model.
 */
public record Quantiles(double[] probabilities, double[] valuesMs) implements LatencyDistribution {
    public Quantiles {
        if (probabilities == null || valuesMs == null || probabilities.length != valuesMs.length || probabilities.length < 2) {
            throw new IllegalArgumentException("need at least two (probability, value) points of equal count");
        }
        probabilities = probabilities.clone();
        valuesMs = valuesMs.clone();
        if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
            throw new IllegalArgumentException("probabilities must start at 0 and end at 1: " + Arrays.toString(probabilities));
        }
        for (int i = 0; i < valuesMs.length; i++) {
            Millis.requireNonNegative("valuesMs[" + i + "]", valuesMs[i]);
            if (i > 0 && (probabilities[i] < probabilities[i - 1] || valuesMs[i] < valuesMs[i - 1])) {
                throw new IllegalArgumentException("probabilities and values must not decrease (point " + i + ")");
            }
        }
    }

    /**
     * From the buckets of a Prometheus histogram: {@code upperBoundsSeconds[i]} is bucket i's
     * {@code le}, {@code cumulativeCounts[i]} its count, {@code totalCount} the {@code +Inf} count.
     * Like {@code histogram_quantile}, the first bucket starts at zero and observations above the
     * last finite bound are placed at that bound.
     */
    public static Quantiles fromPrometheusBuckets(double[] upperBoundsSeconds, long[] cumulativeCounts, long totalCount) {
        if (upperBoundsSeconds.length != cumulativeCounts.length || upperBoundsSeconds.length == 0 || totalCount <= 0) {
            throw new IllegalArgumentException("need matching, non-empty buckets and a positive total count");
        }
        int n = upperBoundsSeconds.length;
        double[] p = new double[n + 2];
        double[] v = new double[n + 2];
        for (int i = 0; i < n; i++) {
            if (cumulativeCounts[i] > totalCount) {
                throw new IllegalArgumentException("bucket " + i + " counts more than the total");
            }
            p[i + 1] = (double) cumulativeCounts[i] / totalCount;
            v[i + 1] = upperBoundsSeconds[i] * 1000;
        }
        p[n + 1] = 1;
        v[n + 1] = v[n];
        return new Quantiles(p, v);
    }

    /** The latency at cumulative probability {@code p} in {@code [0, 1]}. */
    public double quantileMs(double p) {
        int hi = 1;
        while (hi < probabilities.length - 1 && probabilities[hi] < p) {
            hi++;
        }
        int lo = hi - 1;
        double width = probabilities[hi] - probabilities[lo];
        if (width <= 0) {
            return valuesMs[hi];
        }
        double fraction = Math.min(1, Math.max(0, (p - probabilities[lo]) / width));
        return valuesMs[lo] + fraction * (valuesMs[hi] - valuesMs[lo]);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        return () -> Millis.toNanos(quantileMs(random.nextDouble()));
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] valuesMs() {
        return valuesMs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantiles q && Arrays.equals(q.probabilities, probabilities) && Arrays.equals(q.valuesMs, valuesMs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(valuesMs);
    }

    @Override
    public String toString() {
        return "Quantiles[p=" + Arrays.toString(probabilities) + ", ms=" + Arrays.toString(valuesMs) + "]";
    }
}
