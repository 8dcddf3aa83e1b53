package io.stormglass.raft.quorum;

/** Outcome of counting votes (or acknowledgements) against a quorum. */
public enum VoteResult {
    /** Not decided: enough voters have not answered to win or lose. */
    PENDING,
    /** A quorum rejected, or too few remain to reach one. */
    LOST,
    /** A quorum granted. */
    WON
}
