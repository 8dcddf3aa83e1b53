package io.stormglass.raft;

/**
 * When a member's election timer restarts, and with which timeout (§5.2). Both rules restart it on
 * a message from the current leader, on granting a vote and on starting an election; they differ
 * on a step-down.
 */
public enum ElectionTimerRule {
    /**
     * etcd-io/raft: every change of term or role ({@code reset}) restarts the timer with a newly drawn
     * randomized timeout, so a follower or candidate that merely sees a higher term (a RequestVote it
     * rejects) starts its whole timeout again. Hearing from the leader or granting a vote zeroes the
     * elapsed ticks but keeps the timeout drawn at the last reset.
     */
    ETCD_RAFT,
    /**
     * The Raft paper (Fig. 2, "Rules for Servers": a follower converts to candidate "if election timeout
     * elapses without receiving AppendEntries RPC from current leader or granting vote to candidate";
     * converting to follower on a higher term does not restart it) as LogCabin implements it
     * ({@code RaftConsensus::setElectionTimer} on AppendEntries from the leader, on a granted vote and on
     * starting an election, each time with a new random timeout; {@code stepDown} keeps a running timer):
     * a server that rejects an ineligible candidate's RequestVote still times out when it would have.
     */
    RAFT_PAPER
}
