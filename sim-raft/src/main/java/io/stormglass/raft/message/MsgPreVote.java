package io.stormglass.raft.message;

/**
 * PreVote (thesis §9.6): "would you vote for me in {@code term}?", sent with the term the candidate
 * would use, without incrementing its own.
 */
public record MsgPreVote(long from, long to, long term, long lastLogTerm, long lastLogIndex, boolean transfer)
        implements VoteRequest {
    @Override
    public boolean pre() {
        return true;
    }
}
