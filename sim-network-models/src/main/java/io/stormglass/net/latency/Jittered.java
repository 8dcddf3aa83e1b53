package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;

/**
 * {@code base} plus independent uniform jitter in {@code [0, jitterMaxMs)} per draw, as
 * {@code tc netem delay X Y} adds to a fixed delay. Under per-connection FIFO, jitter delays later
 * messages but never lets them overtake earlier ones; in datagram mode it reorders them.
 */
public record Jittered(LatencyDistribution base, double jitterMaxMs) implements LatencyDistribution {
    public Jittered {
        if (base == null) {
            throw new IllegalArgumentException("jitter needs a base distribution");
        }
        Millis.requireNonNegative("jitterMaxMs", jitterMaxMs);
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        LatencySampler inner = base.sampler(random);
        return () -> inner.nextNanos() + Millis.toNanos(jitterMaxMs * random.nextDouble());
    }
}
