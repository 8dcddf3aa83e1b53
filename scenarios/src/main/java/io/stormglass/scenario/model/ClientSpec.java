package io.stormglass.scenario.model;

import io.stormglass.raft.client.RetryPolicy;

/**
 * How clients behave.
 *
 * @param requestTimeoutNanos deadline of a call, retries included
 * @param attemptTimeoutNanos an unanswered read moves on to the next endpoint after this
 * @param retry               backoff between retries
 * @param maxRetries          retries per call
 */
public record ClientSpec(long requestTimeoutNanos, long attemptTimeoutNanos, RetryPolicy retry, int maxRetries) {
}
