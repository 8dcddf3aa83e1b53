package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A normal distribution of mean {@code meanMs} and standard deviation {@code stddevMs}, cut to
 * {@code [minMs, maxMs]} (a latency cannot be negative). Drawn by inversion of the CDF restricted
 * to the interval, so every draw costs one uniform and no draw is rejected, however narrow the
 * interval. {@code maxMs = 0} means no upper bound.
 */
public record TruncatedNormal(double meanMs, double stddevMs, double minMs, double maxMs)
        implements LatencyDistribution {
    public TruncatedNormal {
        Millis.requireNonNegative("stddevMs", stddevMs);
        Millis.requireNonNegative("minMs", minMs);
        Millis.requireNonNegative("maxMs", maxMs);
        if (Double.isNaN(meanMs) || Double.isInfinite(meanMs)) {
            throw new IllegalArgumentException("meanMs must be finite: " + meanMs);
        }
        if (maxMs != 0 && maxMs < minMs) {
            throw new IllegalArgumentException("maxMs " + maxMs + " is below minMs " + minMs);
        }
    }

    /** Mean and standard deviation, truncated at zero only. */
    public static TruncatedNormal nonNegative(double meanMs, double stddevMs) {
        return new TruncatedNormal(meanMs, stddevMs, 0, 0);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        if (stddevMs == 0) {
            long nanos = Millis.toNanos(Math.max(minMs, maxMs == 0 ? meanMs : Math.min(meanMs, maxMs)));
            return () -> nanos;
        }
        NormalDistribution normal = new NormalDistribution(random, meanMs, stddevMs);
        double lowP = normal.cumulativeProbability(minMs);
        double highP = maxMs == 0 ? 1.0 : normal.cumulativeProbability(maxMs);
        if (!(highP > lowP)) {
            throw new IllegalArgumentException("interval [" + minMs + ", " + maxMs + "] ms has no probability under "
                    + "normal(" + meanMs + ", " + stddevMs + ")");
        }
        double upper = maxMs == 0 ? Double.MAX_VALUE : maxMs;
        return () -> {
            double p = lowP + (highP - lowP) * random.nextDouble();
            double ms = normal.inverseCumulativeProbability(p);
            return Millis.toNanos(Math.min(upper, Math.max(minMs, ms)));
        };
    }
}
