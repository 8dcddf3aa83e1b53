package io.stormglass.check.safety;

/** The properties a {@link SafetyMonitor} checks, with the rule each one states. */
public enum Invariant {
    /** §5.2 Election Safety: at most one leader can be elected in a given term. */
    ELECTION_SAFETY("at most one leader per term"),
    /** §5.2: a member grants at most one vote per term, and that vote survives a restart (Figure 2, votedFor). */
    SINGLE_VOTE("at most one durable vote per member and term"),
    /** §5.3 Log Matching: two logs holding an entry with the same index and term are identical up to it. */
    LOG_MATCHING("same index and term imply the same entry and the same predecessor"),
    /** A member's log is contiguous: an append never leaves a gap after the entries it follows. */
    LOG_CONTIGUITY("appends continue the durable log without gaps"),
    /** §5.4 Leader Completeness: an entry committed before term T is in the log of every leader of term T. */
    LEADER_COMPLETENESS("a leader holds every entry committed in earlier terms"),
    /**
     * §5.4.2: a leader commits only entries of its own term by counting replicas (earlier ones are
     * committed indirectly): once leader, its commit index only moves onto entries of its term.
     */
    COMMIT_RULE("a leader advances its commit index only to an entry of its term"),
    /** §5.4.3 State Machine Safety: no two members apply different entries at one index. */
    STATE_MACHINE_SAFETY("no two members apply different entries at one index"),
    /** Committed entries never change: no member overwrites or drops an entry committed cluster-wide. */
    COMMITTED_ENTRY_CHANGED("a committed entry never changes in any member's log"),
    /** A member applies its committed entries in index order, each once, without gaps. */
    APPLY_ORDER("entries are applied in order, without gaps or repeats"),
    /**
     * An entry is committed only once a majority has it on disk (§5.3, and §5.1 "respond after
     * updating stable storage"): when any member first applies or learns an entry as committed, a
     * quorum of members has reported it persisted (or covered by a durable snapshot).
     */
    QUORUM_DURABILITY("a committed entry is durable on a quorum"),
    /** Everything a member synced comes back when it reboots after a crash, whatever the disk's crash mode. */
    CRASH_DURABILITY("synced log entries and votes survive a crash"),
    /** A write the client was told succeeded is committed, applied in the same place everywhere, and in every later leader's log. */
    ACKNOWLEDGED_WRITE("an acknowledged write is committed and never lost"),
    /**
     * etcd's watch guarantees (etcd.io/docs/v3.5/learning/api_guarantees/#watch-apis: ordered, unique,
     * reliable): a watcher gets the committed changes of its range from its start revision, each once, in
     * revision order, with none skipped, until it is closed or cancelled for a compaction above the
     * revision it needed next.
     */
    WATCH_ORDER("a watcher gets each committed change of its range once, in order, with no gap, or is cancelled for compaction"),
    /** A range at a revision returns that revision's committed data, or the compaction error once a compaction above it committed. */
    RANGE_AT_REVISION("a range at a revision returns that revision's committed data or the compaction error");

    private final String rule;

    Invariant(String rule) {
        this.rule = rule;
    }

    /** The rule, in a few words. */
    public String rule() {
        return rule;
    }
}
