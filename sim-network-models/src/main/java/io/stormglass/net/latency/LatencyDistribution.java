package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;

/**
 * A distribution of one-way latencies, in milliseconds. A closed family of records, each a flat
 * set of parameters with units last in the field names, so that a scenario file maps onto it
 * one key per field.
 *
 * <p>Draws come from the {@link SimRandom} the sampler is bound to (commons-math3 distributions
 * draw from it as a {@code RandomGenerator}), so a run is reproducible from its seed. Sampled
 * values below zero are clamped to zero and rounded to whole nanoseconds.
 */
public sealed interface LatencyDistribution
        permits Constant, Uniform, TruncatedNormal, LogNormal, Pareto, Empirical, Quantiles, Jittered, TailMixture {

    /** A sampler drawing from {@code random}; the caller gives each link its own stream. */
    LatencySampler sampler(SimRandom random);

    /** The same distribution with uniform extra jitter in {@code [0, jitterMaxMs)} added to every draw. */
    default LatencyDistribution withJitter(double jitterMaxMs) {
        return jitterMaxMs == 0 ? this : new Jittered(this, jitterMaxMs);
    }
}
