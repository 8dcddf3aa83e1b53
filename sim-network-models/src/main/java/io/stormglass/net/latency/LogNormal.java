package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * A lognormal latency given by the two numbers people actually measure: the median and the
 * 99th percentile ({@code ln X ~ N(ln medianMs, σ)} with {@code σ = ln(p99Ms / medianMs) / z₀.₉₉}).
 * The usual shape of a datacentre hop: a tight body and a long right tail.
 */
public record LogNormal(double medianMs, double p99Ms) implements LatencyDistribution {
    /** The standard normal quantile at 0.99. */
    public static final double Z_99 = 2.3263478740408408;

    public LogNormal {
        Millis.requireNonNegative("medianMs", medianMs);
        Millis.requireNonNegative("p99Ms", p99Ms);
        if (!(medianMs > 0) || p99Ms < medianMs) {
            throw new IllegalArgumentException("need 0 < medianMs <= p99Ms, got median " + medianMs + " ms, p99 " + p99Ms + " ms");
        }
    }

    /** σ of {@code ln X}. */
    public double sigma() {
        return StrictMath.log(p99Ms / medianMs) / Z_99;
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        double sigma = sigma();
        if (sigma == 0) {
            return new Constant(medianMs).sampler(random);
        }
        LogNormalDistribution lognormal = new LogNormalDistribution(random, StrictMath.log(medianMs), sigma);
        return () -> Millis.toNanos(lognormal.sample());
    }
}
