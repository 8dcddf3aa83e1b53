package io.stormglass.raft;

import io.stormglass.raft.log.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to a read request (thesis §6.4): once the local state machine has applied
 * {@code index}, the read identified by {@code requestContext} may be served linearizably.
 */
public record ReadState(long index, byte[] requestContext) {
    @Override
    public boolean equals(Object o) {
        return o instanceof ReadState r && r.index == index && Arrays.equals(r.requestContext, requestContext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, Arrays.hashCode(requestContext));
    }

    @Override
    public String toString() {
        return "ReadState{index=" + index + " ctx=" + Bytes.show(requestContext) + "}";
    }
}
