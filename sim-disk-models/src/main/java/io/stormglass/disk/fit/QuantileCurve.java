package io.stormglass.disk.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * A latency distribution given by points of its quantile function, {@code (probability, nanos)},
 * sampled by inverse transform: a uniform draw {@code u} maps to the latency linearly
 * interpolated between the two points around {@code u} (as Prometheus's
 * {@code histogram_quantile} interpolates within a bucket). Outside the first and last points the
 * curve is flat, so the sampled range never exceeds what was measured.
 *
 * @param probabilities strictly increasing, within [0, 1]
 * @param nanos         non-decreasing latencies in nanoseconds, one per probability
 */
public record QuantileCurve(double[] probabilities, long[] nanos) {
    public QuantileCurve {
        if (probabilities.length == 0 || probabilities.length != nanos.length) {
            throw new IllegalArgumentException("a quantile curve needs matching, non-empty points");
        }
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] <= probabilities[i - 1] || nanos[i] < nanos[i - 1]) {
                throw new IllegalArgumentException("quantile points must increase; bad point " + i);
            }
        }
        probabilities = probabilities.clone();
        nanos = nanos.clone();
    }

    /** A curve that always gives {@code nanos}. */
    public static QuantileCurve constant(long nanos) {
        return new QuantileCurve(new double[] {0.0}, new long[] {nanos});
    }

    /** Builds a curve from points, dropping any that would break monotonicity (duplicates of probability). */
    static QuantileCurve fromPoints(List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        for (double[] p : points) {
            if (kept.isEmpty() || p[0] > kept.get(kept.size() - 1)[0]) {
                double floor = kept.isEmpty() ? 0 : kept.get(kept.size() - 1)[1];
                kept.add(new double[] {p[0], Math.max(floor, p[1])});
            }
        }
        double[] ps = new double[kept.size()];
        long[] vs = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            ps[i] = kept.get(i)[0];
            vs[i] = Math.round(kept.get(i)[1]);
        }
        return new QuantileCurve(ps, vs);
    }

    /** The latency at probability {@code p} (0..1), in nanoseconds. */
    public long quantileNanos(double p) {
        if (p <= probabilities[0]) {
            return nanos[0];
        }
        int last = probabilities.length - 1;
        if (p >= probabilities[last]) {
            return nanos[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (probabilities[mid] <= p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (p - probabilities[lo]) / (probabilities[hi] - probabilities[lo]);
        return Math.round(nanos[lo] + f * (nanos[hi] - nanos[lo]));
    }
}
