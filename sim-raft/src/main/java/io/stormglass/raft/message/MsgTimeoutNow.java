package io.stormglass.raft.message;

/** Leadership transfer (thesis §3.10): tells an up-to-date follower to campaign at once. */
public record MsgTimeoutNow(long from, long to, long term) implements Message {
}
