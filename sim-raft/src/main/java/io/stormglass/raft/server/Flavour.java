package io.stormglass.raft.server;

/**
 * Whose server a member imitates around the same Raft core: when its timers run and which timer
 * rule its core follows. The durability duties of a {@link io.stormglass.raft.Ready} are the same
 * for both.
 */
public enum Flavour {
    /**
     * etcd's {@code raftNode}: the ticker belongs to the raft loop, so while that loop is blocked in a
     * WAL fdatasync no tick arrives and all but one that came due are dropped (Go's ticker), and the
     * member's Raft clock stops (the mechanism of the slow-disk incidents); the leader sends its
     * appends before writing them (thesis §10.2.1); etcd-io/raft's election timer rule
     * ({@link io.stormglass.raft.ElectionTimerRule#ETCD_RAFT}).
     */
    ETCD,
    /**
     * A plain Raft server as the Raft paper's LogCabin: its election timer is a deadline kept by a
     * thread of its own ({@code RaftConsensus::timerThreadMain} waits until {@code startElectionAt}), so
     * it keeps running while the member writes to disk. Here too it is a deadline in nanoseconds of the
     * member's clock, armed one drawn timeout from each restart and woken late as Linux wakes a timed
     * wait ({@link MemberConfig#timerWakeup()}); a candidacy restarts it from that late moment. The
     * ticker, which drives the leader's heartbeats, feeds the node loop, which disk writes never block,
     * and no tick is dropped. Every role, the leader too, writes before it sends:
     * LogCabin's leader wrote new entries (its no-op on election among them) before replicating them
     * until its commit d021532 ("Overlap leader disk flush with replication", February 2014), so a new
     * leader's first append left only after its write, as in the paper's measurements; candidates write
     * their term and vote before asking for votes ({@code startNewElection} calls
     * {@code updateLogMetadata} before waking the peer threads). The paper's timer rule
     * ({@link io.stormglass.raft.ElectionTimerRule#RAFT_PAPER}).
     */
    PLAIN_RAFT
}
