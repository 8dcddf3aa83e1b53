package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;

/** Every message takes exactly {@code latencyMs}; draws nothing from the stream. */
public record Constant(double latencyMs) implements LatencyDistribution {
    public Constant {
        Millis.requireNonNegative("latencyMs", latencyMs);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        long nanos = Millis.toNanos(latencyMs);
        return () -> nanos;
    }
}
