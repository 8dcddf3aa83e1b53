package io.stormglass.net.latency;

/**
 * Draws one-way latencies from a {@link LatencyDistribution} bound to a random stream. Each
 * sampler owns its stream, so the draws of one link never shift those of another.
 */
@FunctionalInterface
public interface LatencySampler {
    /** The next latency in nanoseconds, never negative. */
    long nextNanos();
}
