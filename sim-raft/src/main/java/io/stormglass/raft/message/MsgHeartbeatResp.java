package io.stormglass.raft.message;

import io.stormglass.raft.log.Bytes;
import java.util.Arrays;
import java.util.Objects;

/** Answer to {@link MsgHeartbeat}, echoing its ReadIndex context. */
public record MsgHeartbeatResp(long from, long to, long term, byte[] context) implements Message {
    public MsgHeartbeatResp {
        context = context == null ? new byte[0] : context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgHeartbeatResp m && m.from == from && m.to == to && m.term == term
                && Arrays.equals(m.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, term, Arrays.hashCode(context));
    }

    @Override
    public String toString() {
        return "MsgHeartbeatResp[" + from + "->" + to + " term=" + term + " ctx=" + Bytes.show(context) + "]";
    }
}
