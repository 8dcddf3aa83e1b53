package io.stormglass.raft.message;

/** Local report from the transport to the leader that sending to {@code from} failed. */
public record MsgUnreachable(long from, long to, long term) implements Message {
}
