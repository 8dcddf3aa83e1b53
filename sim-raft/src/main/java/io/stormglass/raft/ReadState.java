package io.stormglass.raft;

import io.stormglass.raft.log.ByteString;

/**
 * The answer to a read request (thesis §6.4): once the local state machine has applied
 * {@code index}, the read identified by {@code requestContext} may be served linearizably.
 */
public record ReadState(long index, ByteString requestContext) {
}
