package io.stormglass.raft.message;

/** Answer to {@link MsgVote}; a grant must be sent only after the vote is persisted (§5.1). */
public record MsgVoteResp(long from, long to, long term, boolean reject) implements VoteResponse {
    @Override
    public boolean pre() {
        return false;
    }
}
