package io.stormglass.raft.message;

/**
 * RequestVote (§5.2) or its PreVote probe (thesis §9.6), carrying the candidate's last log position
 * for the up-to-date check (§5.4.1). {@code transfer} marks a campaign started by leadership transfer
 * (thesis §3.10), which overrides the leader lease check.
 */
public sealed interface VoteRequest extends Message permits MsgVote, MsgPreVote {
    long lastLogTerm();

    long lastLogIndex();

    boolean transfer();

    /** Whether this is a PreVote (does not change anyone's term or vote). */
    boolean pre();
}
