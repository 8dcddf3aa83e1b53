package io.stormglass.raft.message;

import io.stormglass.raft.log.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Empty AppendEntries used as a heartbeat (§5.2). {@code commit} is bounded by the follower's match
 * index, so a follower never learns a commit index beyond entries it is known to hold. A non-empty
 * {@code context} names the ReadIndex round it confirms (thesis §6.4).
 */
public record MsgHeartbeat(long from, long to, long term, long commit, byte[] context) implements Message {
    public MsgHeartbeat {
        context = context == null ? new byte[0] : context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgHeartbeat m && m.from == from && m.to == to && m.term == term && m.commit == commit
                && Arrays.equals(m.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, term, commit, Arrays.hashCode(context));
    }

    @Override
    public String toString() {
        return "MsgHeartbeat[" + from + "->" + to + " term=" + term + " commit=" + commit + " ctx=" + Bytes.show(context) + "]";
    }
}
