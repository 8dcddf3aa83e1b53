package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/**
 * A linearizable read request (thesis §6.4) identified by an opaque {@code context}; local or
 * forwarded to the leader (term 0).
 */
public record MsgReadIndex(long from, long to, long term, ByteString context) implements Message {
    public MsgReadIndex {
        Objects.requireNonNull(context, "context");
    }
}
