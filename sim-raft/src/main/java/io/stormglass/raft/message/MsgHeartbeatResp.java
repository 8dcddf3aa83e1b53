package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/** Answer to {@link MsgHeartbeat}, echoing its ReadIndex context and its {@code sentTick}. */
public record MsgHeartbeatResp(long from, long to, long term, ByteString context, long sentTick) implements Message {
    public MsgHeartbeatResp {
        Objects.requireNonNull(context, "context");
    }

    /** An answer without a send time (tick 0). */
    public MsgHeartbeatResp(long from, long to, long term, ByteString context) {
        this(from, to, term, context, 0);
    }
}
