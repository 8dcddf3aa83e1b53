package io.stormglass.raft.message;

import io.stormglass.raft.log.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * A linearizable read request (thesis §6.4) identified by an opaque {@code context}; local or
 * forwarded to the leader (term 0).
 */
public record MsgReadIndex(long from, long to, long term, byte[] context) implements Message {
    public MsgReadIndex {
        context = context == null ? new byte[0] : context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgReadIndex m && m.from == from && m.to == to && m.term == term
                && Arrays.equals(m.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, term, Arrays.hashCode(context));
    }

    @Override
    public String toString() {
        return "MsgReadIndex[" + from + "->" + to + " term=" + term + " ctx=" + Bytes.show(context) + "]";
    }
}
