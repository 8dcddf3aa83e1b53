package io.stormglass.raft.message;

/** Answer to a {@link VoteRequest}. */
public sealed interface VoteResponse extends Message permits MsgVoteResp, MsgPreVoteResp {
    boolean reject();

    boolean pre();
}
