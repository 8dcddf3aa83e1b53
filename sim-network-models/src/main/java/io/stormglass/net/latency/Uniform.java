package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;

/** Uniform in {@code [minMs, maxMs)}: the default for a same-rack hop (0.1–0.3 ms RTT). */
public record Uniform(double minMs, double maxMs) implements LatencyDistribution {
    public Uniform {
        Millis.requireNonNegative("minMs", minMs);
        Millis.requireNonNegative("maxMs", maxMs);
        if (maxMs < minMs) {
            throw new IllegalArgumentException("maxMs " + maxMs + " is below minMs " + minMs);
        }
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        double width = maxMs - minMs;
        return () -> Millis.toNanos(minMs + width * random.nextDouble());
    }
}
