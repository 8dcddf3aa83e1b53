package io.stormglass.raft.message;

/** Answer to {@link MsgPreVote}; a grant carries the probed term, a rejection the voter's term. */
public record MsgPreVoteResp(long from, long to, long term, boolean reject) implements VoteResponse {
    @Override
    public boolean pre() {
        return true;
    }
}
