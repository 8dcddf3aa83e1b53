package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;
import java.util.Arrays;

/**
 * Latencies measured elsewhere (ping, a tracing system), replayed by inverting their empirical
 * CDF with linear interpolation between order statistics: the k-th smallest of n samples sits at
 * probability {@code k / (n − 1)}. So quantiles of the draws converge to the quantiles of the
 * samples, and no draw falls outside {@code [min, max]} of the samples.
 */
public record Empirical(double[] samplesMs) implements LatencyDistribution {
    public Empirical {
        if (samplesMs == null || samplesMs.length == 0) {
            throw new IllegalArgumentException("an empirical distribution needs at least one sample");
        }
        samplesMs = samplesMs.clone();
        for (double s : samplesMs) {
            Millis.requireNonNegative("samplesMs[]", s);
        }
        Arrays.sort(samplesMs);
    }

    /** The samples, sorted ascending (a copy). */
    @Override
    public double[] samplesMs() {
        return samplesMs.clone();
    }

    /** The interpolated quantile of the samples at {@code p} in {@code [0, 1]}. */
    public double quantileMs(double p) {
        double position = p * (samplesMs.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, samplesMs.length - 1);
        double fraction = position - low;
        return samplesMs[low] + fraction * (samplesMs[high] - samplesMs[low]);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        return () -> Millis.toNanos(quantileMs(random.nextDouble()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical e && Arrays.equals(e.samplesMs, samplesMs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samplesMs);
    }

    @Override
    public String toString() {
        return "Empirical[" + samplesMs.length + " samples, " + samplesMs[0] + ".." + samplesMs[samplesMs.length - 1] + " ms]";
    }
}
