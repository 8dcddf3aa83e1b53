package io.stormglass.raft.tracker;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.quorum.JointConfig;
import io.stormglass.raft.quorum.VoteResult;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The active configuration, a {@link Progress} per member (voters of both sides and learners) and the
 * votes of the current election (etcd-io/raft {@code tracker.ProgressTracker}). Iteration is in ascending
 * id order. Learners are replicated to but never counted: commitment, elections and CheckQuorum ask
 * {@link #voters()} only (thesis §4.2.1).
 */
public final class ProgressTracker {
    private TrackerConfig config = TrackerConfig.EMPTY;
    private TreeMap<Long, Progress> progress = new TreeMap<>();
    private final TreeMap<Long, Boolean> votes = new TreeMap<>();
    private final int maxInflight;
    private final long maxInflightBytes;

    /** A tracker with no members; a configuration arrives through {@link #switchTo}. */
    public ProgressTracker(int maxInflight, long maxInflightBytes) {
        this.maxInflight = maxInflight;
        this.maxInflightBytes = maxInflightBytes;
    }

    /**
     * Installs a configuration and the progress of its members (etcd's {@code switchToConfig} first step).
     * The caller ({@code confchange.Changer}) guarantees that {@code newProgress} has exactly the members of
     * {@code newConfig}; progress of members that stay is carried over as it is.
     */
    public void switchTo(TrackerConfig newConfig, SortedMap<Long, Progress> newProgress) {
        config = newConfig;
        progress = new TreeMap<>(newProgress);
    }

    public Progress newProgress(long match, long next) {
        return new Progress(match, next, new Inflights(maxInflight, maxInflightBytes));
    }

    public TrackerConfig config() {
        return config;
    }

    /** The voters, joint while a joint change is in progress. */
    public JointConfig voters() {
        return config.voters();
    }

    public boolean isLearner(long id) {
        return config.isLearner(id);
    }

    /** The active configuration as etcd's {@code ConfState}. */
    public ConfState confState() {
        return config.toConfState();
    }

    /** Progress by member id, ascending; modifiable values, unmodifiable map. */
    public SortedMap<Long, Progress> progress() {
        return Collections.unmodifiableSortedMap(progress);
    }

    /** Replaces the progress of member {@code id} (on a role change). */
    public void reset(long id, Progress p) {
        if (!progress.containsKey(id)) {
            throw new IllegalArgumentException(id + " is not a member of " + config);
        }
        progress.put(id, p);
    }

    public Progress get(long id) {
        return progress.get(id);
    }

    /** The largest index replicated on a quorum of voters (§5.3; of both sides while joint, thesis §4.3). */
    public long committed() {
        return config.voters().committedIndex(id -> {
            Progress p = progress.get(id);
            return p == null ? 0 : p.match();
        });
    }

    /** Whether a quorum of voters was recently active (CheckQuorum, thesis §6.2). */
    public boolean quorumActive() {
        TreeMap<Long, Boolean> active = new TreeMap<>();
        progress.forEach((id, p) -> active.put(id, p.recentActive()));
        return config.voters().voteResult(active) == VoteResult.WON;
    }

    /** Whether the only voter is one member (the leader may then decide alone). */
    public boolean isSingleton() {
        return config.voters().incoming().size() == 1 && !config.isJoint();
    }

    public void resetVotes() {
        votes.clear();
    }

    /** Records the first vote of {@code id} in this election; later ones are ignored. */
    public void recordVote(long id, boolean granted) {
        votes.putIfAbsent(id, granted);
    }

    /** The election's outcome so far; votes of non-voters are ignored. */
    public VoteResult tallyVotes() {
        return config.voters().voteResult(votes);
    }

    /** Votes so far (read-only). */
    public Map<Long, Boolean> votes() {
        return Collections.unmodifiableMap(votes);
    }
}
