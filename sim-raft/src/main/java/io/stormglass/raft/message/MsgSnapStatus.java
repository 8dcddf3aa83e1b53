package io.stormglass.raft.message;

/** Local report to the leader of whether a snapshot sent to {@code from} was delivered ({@code reject} = failed). */
public record MsgSnapStatus(long from, long to, long term, boolean reject) implements Message {
}
