package io.stormglass.raft.probe;

import io.stormglass.engine.probe.CoverageProbe;
import java.util.Arrays;
import java.util.List;

/**
 * Rare paths of Raft (thesis sections named), the member and the WAL. {@link #required} marks the paths
 * the default fault-schedule suite must reach ({@code ProbeCoverageTest}); the others need settings or
 * actions the suite does not draw (membership changes, leadership transfer, lease reads) or are rare. A
 * campaign's report lists every probe.
 */
public enum RaftProbe implements CoverageProbe {
    // ---- terms and elections (§3.3, §3.4, §3.6.1, §9.6, §4.2.3, §6.2) ----
    STALE_TERM_MESSAGE("raft.stale-term-message", true, "a message of an older term was dropped or answered with ours (§3.3)"),
    LEADER_DEPOSED_BY_TERM("raft.leader-deposed-by-term", true, "a leader saw a higher term and stepped down (§3.3)"),
    VOTE_REFUSED_STALE_LOG("raft.vote-refused-stale-log", true, "a vote was refused because the candidate's log is behind (§3.6.1)"),
    VOTE_REFUSED_ALREADY_VOTED("raft.vote-refused-already-voted", true, "a vote was refused: already voted for another candidate in the term (§3.4)"),
    PRE_VOTE_REFUSED("raft.pre-vote-refused", true, "a PreVote was refused (§9.6)"),
    VOTE_IGNORED_IN_LEASE("raft.vote-ignored-in-lease", true, "a vote request was ignored: the leader was heard within an election timeout (§4.2.3)"),
    CHECK_QUORUM_STEP_DOWN("raft.check-quorum-step-down", true, "a leader stepped down: no quorum heard from in an election timeout (§6.2)"),
    // ---- replication and commit (§3.5, §3.6.2) ----
    APPEND_REJECTED("raft.append-rejected", true, "a follower rejected an append: no entry with the previous index and term (§3.5)"),
    CONFLICT_TRUNCATED("raft.conflict-truncated", true, "a follower cut a conflicting suffix of its log (§3.5)"),
    APPEND_BELOW_COMMIT("raft.append-below-commit", true, "an append below the follower's commit index was answered with it"),
    COMMIT_WAITS_FOR_CURRENT_TERM("raft.commit-waits-for-current-term", true,
            "a quorum held an entry of an earlier term that the leader could not yet commit (§3.6.2, Figure 3.7)"),
    // ---- reads (§6.4) ----
    READ_INDEX_BEFORE_TERM_COMMIT("raft.read-index-before-term-commit", true,
            "a ReadIndex request reached a leader that had not committed an entry of its term; it waited (§6.4)"),
    LEASE_READ_SERVED("raft.lease-read-served", false, "a read was answered from the leader's lease (§6.4.1; `read-only: lease-based`)"),
    // ---- snapshots (§5) ----
    SNAPSHOT_SENT("raft.snapshot-sent", true, "a leader sent a snapshot: the entries a follower needed were compacted (§5.1)"),
    SNAPSHOT_SENT_CONF_CHANGE_PENDING("raft.snapshot-sent-conf-change-pending", false,
            "a leader sent a snapshot while a configuration change of its log was not yet applied (§4, §5)"),
    SNAPSHOT_INSTALLED("raft.snapshot-installed", true, "a follower replaced its log with a snapshot (§5.1)"),
    SNAPSHOT_ALREADY_COVERED("raft.snapshot-already-covered", true, "a follower ignored a snapshot its commit index already covers"),
    SNAPSHOT_FAST_FORWARD("raft.snapshot-fast-forward", false, "a follower that holds a snapshot's last entry only moved its commit index"),
    // ---- leadership transfer, membership (§3.10, §4) ----
    TRANSFER_TIMEOUT_NOW("raft.transfer-timeout-now", false, "a leader told an up-to-date transferee to campaign (§3.10)"),
    CONF_CHANGE_REFUSED_PENDING("raft.conf-change-refused-pending", false, "a configuration change was refused: one is not yet applied (§4.1)"),
    // ---- the member (etcd's server) ----
    READ_WAITS_FOR_APPLY("member.read-waits-for-apply", true, "a read's index was known before it was applied; the read waited"),
    READ_INDEX_RETRIED("member.read-index-retried", true, "a ReadIndex round got no answer in 500 ms and was sent again"),
    READ_FAILED_LEADER_CHANGED("member.read-failed-leader-changed", true, "a ReadIndex round failed: a new leader was elected meanwhile"),
    SNAPSHOT_COMMIT_SYNCED_FIRST("member.snapshot-commit-synced-first", false,
            "a Ready installing a snapshot with entries after it synced the snapshot's commit on its own first"),
    // ---- the WAL ----
    WAL_TORN_TAIL_CUT("wal.torn-tail-cut", true, "recovery cut a torn tail from the last segment"),
    WAL_SUFFIX_REPLACED("wal.suffix-replaced", false, "recovery met a rewritten suffix and dropped the entries it replaced"),
    WAL_OLDER_SNAPSHOT_CHOSEN("wal.older-snapshot-chosen", false,
            "a boot skipped a snapshot file whose WAL marker is not valid (not durable, or past the durable commit)");

    private final String probeName;
    private final boolean required;
    private final String description;

    RaftProbe(String probeName, boolean required, String description) {
        this.probeName = probeName;
        this.required = required;
        this.description = description;
    }

    @Override
    public String probeName() {
        return probeName;
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether the default fault-schedule suite must reach this path. */
    public boolean required() {
        return required;
    }

    /** Every probe, in declaration order. */
    public static List<RaftProbe> all() {
        return Arrays.asList(values());
    }
}
