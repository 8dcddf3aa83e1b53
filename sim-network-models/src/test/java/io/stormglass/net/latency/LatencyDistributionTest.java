package io.stormglass.net.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {
    private static final int N = 100_000;

    /** 100 000 draws, in milliseconds, sorted. */
    private static double[] drawSortedMs(LatencyDistribution d, long seed) {
        LatencySampler s = d.sampler(new SimRandom(seed));
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = s.nextNanos() / 1e6;
        }
        Arrays.sort(v);
        return v;
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double stddev(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static void assertWithin(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void lognormalRecoversMedianAndP99Within3Percent() {
        double[] v = drawSortedMs(new LogNormal(10, 40), 1);
        assertWithin(10, quantile(v, 0.50), 0.03, "median");
        assertWithin(40, quantile(v, 0.99), 0.03, "p99");
        double[] narrow = drawSortedMs(new LogNormal(0.5, 1.0), 2);
        assertWithin(0.5, quantile(narrow, 0.50), 0.03, "median");
        assertWithin(1.0, quantile(narrow, 0.99), 0.03, "p99");
    }

    @Test
    void uniformStaysInRangeWithFlatQuantiles() {
        double[] v = drawSortedMs(new Uniform(1, 3), 3);
        assertTrue(v[0] >= 1 && v[N - 1] <= 3, "range " + v[0] + ".." + v[N - 1]);
        assertWithin(2, mean(v), 0.01, "mean");
        assertWithin(1.5, quantile(v, 0.25), 0.02, "p25");
        assertWithin(2.9, quantile(v, 0.95), 0.02, "p95");
    }

    @Test
    void truncatedNormalMatchesTheTruncatedMoments() {
        // far from the cut, the truncation at zero barely matters
        double[] v = drawSortedMs(TruncatedNormal.nonNegative(20, 4), 4);
        assertWithin(20, mean(v), 0.03, "mean");
        assertWithin(4, stddev(v), 0.03, "stddev");
        assertTrue(v[0] >= 0);
        // cut at the mean: the half-normal mean is mu + sigma·sqrt(2/pi)
        double[] half = drawSortedMs(new TruncatedNormal(5, 2, 5, 0), 5);
        assertTrue(half[0] >= 5);
        assertWithin(5 + 2 * Math.sqrt(2 / Math.PI), mean(half), 0.03, "half-normal mean");
        // a narrow window around the mean never leaks
        double[] window = drawSortedMs(new TruncatedNormal(5, 10, 4, 6), 6);
        assertTrue(window[0] >= 4 && window[N - 1] <= 6, "range " + window[0] + ".." + window[N - 1]);
        assertWithin(5, mean(window), 0.03, "mean");
    }

    @Test
    void paretoTailFollowsItsQuantiles() {
        Pareto pareto = new Pareto(1, 1.5, 0);
        double[] v = drawSortedMs(pareto, 7);
        assertTrue(v[0] >= 1);
        assertWithin(pareto.quantileMs(0.5), quantile(v, 0.5), 0.03, "median");
        assertWithin(pareto.quantileMs(0.9), quantile(v, 0.9), 0.03, "p90");
        assertWithin(pareto.quantileMs(0.99), quantile(v, 0.99), 0.05, "p99");
        double[] capped = drawSortedMs(new Pareto(1, 1.5, 5), 8);
        assertTrue(capped[N - 1] <= 5);
        // P(X > 5) = (1/5)^1.5 = 8.94 % of draws sit at the cap
        long atCap = Arrays.stream(capped).filter(x -> x == 5).count();
        assertWithin(N * Math.pow(0.2, 1.5), atCap, 0.05, "draws at the cap");
    }

    @Test
    void empiricalReproducesTheSampleQuantiles() {
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 1 + (i * i) / 1000.0; // skewed: 1 .. 999
        }
        Empirical empirical = new Empirical(samples);
        double[] v = drawSortedMs(empirical, 9);
        assertTrue(v[0] >= 1 && v[N - 1] <= samples[999] + 1e-6);
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
            assertWithin(empirical.quantileMs(p), quantile(v, p), 0.03, "p" + p);
        }
        assertEquals(250.75, empirical.quantileMs(0.5), 1.0);
    }

    @Test
    void quantilesFromPrometheusBucketsInterpolateLikeHistogramQuantile() {
        double[] le = {0.001, 0.002, 0.004, 0.008};
        Quantiles q = Quantiles.fromPrometheusBuckets(le, new long[] {100, 600, 900, 1000}, 1000);
        assertEquals(1.8, q.quantileMs(0.5), 1e-9);
        assertEquals(6.0, q.quantileMs(0.95), 1e-9);
        double[] v = drawSortedMs(q, 13);
        assertWithin(1.8, quantile(v, 0.5), 0.03, "median");
        assertWithin(6.0, quantile(v, 0.95), 0.03, "p95");
        assertTrue(v[N - 1] <= 8.0);
        // 100 of 1100 observations above the last bound sit at that bound
        Quantiles overflow = Quantiles.fromPrometheusBuckets(le, new long[] {100, 600, 900, 1000}, 1100);
        long atTop = Arrays.stream(drawSortedMs(overflow, 14)).filter(x -> x == 8.0).count();
        assertWithin(N / 11.0, atTop, 0.05, "draws at the last bound");
        // an empty bucket has no mass and is never the answer's interior
        Quantiles gap = Quantiles.fromPrometheusBuckets(le, new long[] {500, 500, 500, 1000}, 1000);
        assertEquals(4.0, gap.quantileMs(0.5000001), 0.001);
        assertThrows(IllegalArgumentException.class,
                () -> new Quantiles(new double[] {0, 0.7, 0.5, 1}, new double[] {0, 1, 2, 3}));
    }

    @Test
    void constantAndJitter() {
        double[] c = drawSortedMs(new Constant(2.5), 10);
        assertEquals(2.5, c[0], 0);
        assertEquals(2.5, c[N - 1], 0);
        double[] j = drawSortedMs(new Constant(10).withJitter(2), 11);
        assertTrue(j[0] >= 10 && j[N - 1] < 12);
        assertWithin(11, mean(j), 0.01, "mean");
        assertWithin(11, quantile(j, 0.5), 0.01, "median");
    }

    @Test
    void tailMixtureDrawsItsTailAtTheGivenRate() {
        TailMixture mixture = new TailMixture(new LogNormal(0.25, 0.5), new Pareto(200, 2, 0), 10_000);
        double[] v = drawSortedMs(mixture, 12);
        long tail = Arrays.stream(v).filter(x -> x >= 200).count();
        double sd = Math.sqrt(N * 0.01 * 0.99);
        assertEquals(N * 0.01, tail, 4 * sd, "tail draws");
        assertWithin(0.25, quantile(v, 0.5), 0.03, "the median stays the body's");
        assertTrue(quantile(v, 0.999) >= 200, "p99.9 is in the tail");
    }

    @Test
    void sameSeedSameDrawsAndInvalidParametersRejected() {
        assertArrayEquals(drawSortedMs(new LogNormal(1, 5), 42), drawSortedMs(new LogNormal(1, 5), 42));
        assertThrows(IllegalArgumentException.class, () -> new LogNormal(5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Uniform(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new Pareto(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Constant(-1));
        assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[0]));
    }
}
