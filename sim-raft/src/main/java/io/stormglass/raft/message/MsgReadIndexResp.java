package io.stormglass.raft.message;

import io.stormglass.raft.log.Bytes;
import java.util.Arrays;
import java.util.Objects;

/** The leader's answer to a forwarded {@link MsgReadIndex}: reads may be served once {@code index} is applied. */
public record MsgReadIndexResp(long from, long to, long term, long index, byte[] context) implements Message {
    public MsgReadIndexResp {
        context = context == null ? new byte[0] : context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgReadIndexResp m && m.from == from && m.to == to && m.term == term && m.index == index
                && Arrays.equals(m.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, term, index, Arrays.hashCode(context));
    }

    @Override
    public String toString() {
        return "MsgReadIndexResp[" + from + "->" + to + " term=" + term + " index=" + index + " ctx="
                + Bytes.show(context) + "]";
    }
}
