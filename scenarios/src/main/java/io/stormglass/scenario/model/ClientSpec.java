package io.stormglass.scenario.model;

import io.stormglass.raft.client.ClientCpu;
import io.stormglass.raft.client.RetryPolicy;

/**
 * How clients behave.
 *
 * @param requestTimeoutNanos deadline of a call, retries included
 * @param attemptTimeoutNanos an unanswered read moves on to the next endpoint after this
 * @param retry               backoff between retries
 * @param maxRetries          retries per call
 * @param cpu                 the load generator's machine and what a call costs there ({@link ClientCpu#none()}: free)
 */
public record ClientSpec(long requestTimeoutNanos, long attemptTimeoutNanos, RetryPolicy retry, int maxRetries,
        ClientCpu cpu) {
    /** Clients without a CPU model. */
    public ClientSpec(long requestTimeoutNanos, long attemptTimeoutNanos, RetryPolicy retry, int maxRetries) {
        this(requestTimeoutNanos, attemptTimeoutNanos, retry, maxRetries, ClientCpu.none());
    }
}
