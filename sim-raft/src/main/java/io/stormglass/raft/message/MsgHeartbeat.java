package io.stormglass.raft.message;

import io.stormglass.raft.log.ByteString;
import java.util.Objects;

/**
 * Empty AppendEntries used as a heartbeat (§5.2). {@code commit} is bounded by the follower's match
 * index, so a follower never learns a commit index beyond entries it is known to hold. A non-empty
 * {@code context} names the ReadIndex round it confirms (thesis §6.4). {@code sentTick} is the
 * leader's clock, in ticks, when it sent this heartbeat; the follower echoes it so that the leader
 * can start its read lease at the send time of a round a quorum acknowledged (thesis §6.4.1).
 */
public record MsgHeartbeat(long from, long to, long term, long commit, ByteString context, long sentTick)
        implements Message {
    public MsgHeartbeat {
        Objects.requireNonNull(context, "context");
    }

    /** A heartbeat without a send time (tick 0): tests and callers that do not use leases. */
    public MsgHeartbeat(long from, long to, long term, long commit, ByteString context) {
        this(from, to, term, commit, context, 0);
    }
}
