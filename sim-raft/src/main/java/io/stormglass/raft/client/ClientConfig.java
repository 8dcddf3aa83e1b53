package io.stormglass.raft.client;

import java.util.List;

/**
 * A client's settings.
 *
 * @param endpoints           member ids the client may talk to, in order of preference
 * @param requestTimeoutNanos deadline of a whole call, retries included (Go's context deadline)
 * @param attemptTimeoutNanos after this long without an answer, the client tries the next endpoint
 *                            (a dead member's connection fails; gRPC then picks another)
 * @param retry               backoff between retries of retryable errors
 * @param maxRetries          retries per call at most
 */
public record ClientConfig(List<Integer> endpoints, long requestTimeoutNanos, long attemptTimeoutNanos,
        RetryPolicy retry, int maxRetries) {
    public ClientConfig {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty() || requestTimeoutNanos <= 0 || attemptTimeoutNanos <= 0 || maxRetries < 0) {
            throw new IllegalArgumentException("a client needs endpoints, positive timeouts and maxRetries >= 0");
        }
    }

    /** 5 s per call, 2 s per attempt, exponential backoff 100 ms..2 s with 20 % jitter, 3 retries (seed 003's advice). */
    public static ClientConfig defaults(List<Integer> endpoints) {
        return new ClientConfig(endpoints, 5_000_000_000L, 2_000_000_000L,
                new RetryPolicy.Exponential(100_000_000L, 2_000_000_000L, 0.2), 3);
    }
}
