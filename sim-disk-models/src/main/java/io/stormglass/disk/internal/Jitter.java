package io.stormglass.disk.internal;

import io.stormglass.engine.random.SimRandom;

/** Log-normal service-time variation around a median, the usual shape of storage latency. */
public final class Jitter {
    private final SimRandom random;
    private final double sigma;

    /** @param sigma standard deviation of the log of the multiplier; 0 for none */
    public Jitter(SimRandom random, double sigma) {
        if (sigma < 0) {
            throw new IllegalArgumentException("sigma must not be negative: " + sigma);
        }
        this.random = random;
        this.sigma = sigma;
    }

    /** {@code medianNanos} scaled by a log-normal factor whose median is 1. */
    public long apply(long medianNanos) {
        if (sigma == 0 || medianNanos == 0) {
            return medianNanos;
        }
        return Math.round(medianNanos * StrictMath.exp(sigma * random.nextGaussian()));
    }
}
