package io.stormglass.raft.client;

import io.stormglass.engine.random.SimRandom;

/** How long a client waits before retrying a request that failed with a retryable error. */
public sealed interface RetryPolicy {
    /** The delay before retry number {@code attempt} (1 for the first retry). */
    long delayNanos(int attempt, SimRandom random);

    /** Never retry. */
    record None() implements RetryPolicy {
        @Override
        public long delayNanos(int attempt, SimRandom random) {
            return 0;
        }
    }

    /** Retry after a fixed delay. */
    record Fixed(long delayNanos) implements RetryPolicy {
        @Override
        public long delayNanos(int attempt, SimRandom random) {
            return delayNanos;
        }
    }

    /**
     * Exponential backoff with jitter, as clientv3's retry interceptor: {@code base · 2^(attempt-1)}
     * capped at {@code maxNanos}, then spread by ±{@code jitterFraction}.
     */
    record Exponential(long baseNanos, long maxNanos, double jitterFraction) implements RetryPolicy {
        public Exponential {
            if (baseNanos <= 0 || maxNanos < baseNanos || jitterFraction < 0 || jitterFraction > 1) {
                throw new IllegalArgumentException("backoff needs 0 < base <= max and jitter in [0, 1]");
            }
        }

        @Override
        public long delayNanos(int attempt, SimRandom random) {
            long d = baseNanos;
            for (int i = 1; i < attempt && d < maxNanos; i++) {
                d *= 2;
            }
            d = Math.min(d, maxNanos);
            double spread = 1 + jitterFraction * (2 * random.nextDouble() - 1);
            return Math.max(0, (long) (d * spread));
        }
    }
}
