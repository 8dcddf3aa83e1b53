package io.stormglass.raft.message;

/** RequestVote (§5.2). */
public record MsgVote(long from, long to, long term, long lastLogTerm, long lastLogIndex, boolean transfer)
        implements VoteRequest {
    @Override
    public boolean pre() {
        return false;
    }
}
