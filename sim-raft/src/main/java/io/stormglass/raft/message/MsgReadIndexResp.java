package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/** The leader's answer to a forwarded {@link MsgReadIndex}: reads may be served once {@code index} is applied. */
public record MsgReadIndexResp(long from, long to, long term, long index, ByteString context) implements Message {
    public MsgReadIndexResp {
        Objects.requireNonNull(context, "context");
    }
}
