package io.stormglass.raft.message;

/**
 * Answer to {@link MsgApp} or {@link MsgSnap}. Accepted: {@code index} is the last index the follower
 * now matches. Rejected: {@code index} is the rejected {@code MsgApp.index}, and
 * {@code rejectHint}/{@code logTerm} name the follower's last entry that could match (its index and
 * term), so the leader can skip a whole term of conflicting entries at once (§5.3, "fast
 * backtracking"; etcd's {@code findConflictByTerm}).
 */
public record MsgAppResp(long from, long to, long term, long index, boolean reject, long rejectHint, long logTerm)
        implements Message {
    /** An acceptance of everything up to {@code index}. */
    public static MsgAppResp accept(long from, long to, long term, long index) {
        return new MsgAppResp(from, to, term, index, false, 0, 0);
    }
}
