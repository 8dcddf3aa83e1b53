package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/**
 * Empty AppendEntries used as a heartbeat (§5.2). {@code commit} is bounded by the follower's match
 * index, so a follower never learns a commit index beyond entries it is known to hold. A non-empty
 * {@code context} names the ReadIndex round it confirms (thesis §6.4).
 */
public record MsgHeartbeat(long from, long to, long term, long commit, ByteString context) implements Message {
    public MsgHeartbeat {
        Objects.requireNonNull(context, "context");
    }
}
