package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/** Answer to {@link MsgHeartbeat}, echoing its ReadIndex context. */
public record MsgHeartbeatResp(long from, long to, long term, ByteString context) implements Message {
    public MsgHeartbeatResp {
        Objects.requireNonNull(context, "context");
    }
}
