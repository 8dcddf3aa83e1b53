package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;
import org.apache.commons.math3.distribution.ParetoDistribution;

/**
 * A Pareto (power-law) tail: never below {@code scaleMs}, {@code P(X > x) = (scaleMs / x)^shape}.
 * A shape near 1 gives rare, very long delays (retransmission timeouts, bufferbloat). Draws above
 * {@code capMs} are cut to it; {@code capMs = 0} means uncapped.
 */
public record Pareto(double scaleMs, double shape, double capMs) implements LatencyDistribution {
    public Pareto {
        Millis.requireNonNegative("scaleMs", scaleMs);
        Millis.requireNonNegative("capMs", capMs);
        if (!(scaleMs > 0) || !(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("need scaleMs > 0 and shape > 0, got " + scaleMs + " ms, " + shape);
        }
        if (capMs != 0 && capMs < scaleMs) {
            throw new IllegalArgumentException("capMs " + capMs + " is below scaleMs " + scaleMs);
        }
    }

    /** The untruncated quantile at {@code p}: {@code scaleMs · (1 − p)^(−1/shape)}. */
    public double quantileMs(double p) {
        return scaleMs * StrictMath.pow(1 - p, -1 / shape);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        ParetoDistribution pareto = new ParetoDistribution(random, scaleMs, shape);
        double cap = capMs == 0 ? Double.MAX_VALUE : capMs;
        return () -> Millis.toNanos(Math.min(cap, pareto.sample()));
    }
}
