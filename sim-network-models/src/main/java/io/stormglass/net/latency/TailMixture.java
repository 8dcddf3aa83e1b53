package io.stormglass.net.latency;

import io.stormglass.engine.random.SimRandom;

/**
 * A body with a rare tail: each draw comes from {@code tail} with probability {@code tailPpm}
 * parts per million (decided exactly, {@link SimRandom#chancePpm}), else from {@code body}. The
 * usual way to give a datacentre hop its occasional retransmission-timeout spike, such as a
 * lognormal body with a {@link Pareto} tail starting at 200 ms (Linux's minimum TCP RTO).
 */
public record TailMixture(LatencyDistribution body, LatencyDistribution tail, long tailPpm) implements LatencyDistribution {
    public TailMixture {
        if (body == null || tail == null) {
            throw new IllegalArgumentException("a tail mixture needs a body and a tail");
        }
        if (tailPpm < 0 || tailPpm > 1_000_000) {
            throw new IllegalArgumentException("tailPpm must be within 0..1000000: " + tailPpm);
        }
    }

    @Override
    public LatencySampler sampler(SimRandom random) {
        LatencySampler bodySampler = body.sampler(random);
        LatencySampler tailSampler = tail.sampler(random);
        return () -> random.chancePpm(tailPpm) ? tailSampler.nextNanos() : bodySampler.nextNanos();
    }
}
