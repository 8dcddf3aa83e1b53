package io.stormglass.raft.tracker;

import io.stormglass.raft.quorum.MajorityConfig;
import io.stormglass.raft.quorum.VoteResult;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The voter configuration, a {@link Progress} per member and the votes of the current election
 * (etcd-io/raft {@code tracker.ProgressTracker}). Iteration is in ascending id order.
 */
public final class ProgressTracker {
    private MajorityConfig voters;
    private final TreeMap<Long, Progress> progress = new TreeMap<>();
    private final TreeMap<Long, Boolean> votes = new TreeMap<>();
    private final int maxInflight;
    private final long maxInflightBytes;

    public ProgressTracker(MajorityConfig voters, int maxInflight, long maxInflightBytes) {
        this.maxInflight = maxInflight;
        this.maxInflightBytes = maxInflightBytes;
        setVoters(voters, 0);
    }

    /** Replaces the configuration, keeping progress for members that stay. */
    public void setVoters(MajorityConfig newVoters, long lastIndex) {
        voters = newVoters;
        progress.keySet().retainAll(newVoters.voters());
        for (long id : newVoters.voters()) {
            progress.computeIfAbsent(id, k -> newProgress(0, lastIndex + 1));
        }
    }

    public Progress newProgress(long match, long next) {
        return new Progress(match, next, new Inflights(maxInflight, maxInflightBytes));
    }

    public MajorityConfig voters() {
        return voters;
    }

    /** Progress by member id, ascending; modifiable values, unmodifiable map. */
    public SortedMap<Long, Progress> progress() {
        return Collections.unmodifiableSortedMap(progress);
    }

    /** Replaces the progress of {@code id} (on a role change). */
    public void reset(long id, Progress p) {
        progress.put(id, p);
    }

    public Progress get(long id) {
        return progress.get(id);
    }

    /** The largest index replicated on a quorum (§5.3). */
    public long committed() {
        return voters.committedIndex(id -> {
            Progress p = progress.get(id);
            return p == null ? 0 : p.match();
        });
    }

    /** Whether a quorum was recently active (CheckQuorum, thesis §6.2). */
    public boolean quorumActive() {
        TreeMap<Long, Boolean> active = new TreeMap<>();
        progress.forEach((id, p) -> active.put(id, p.recentActive()));
        return voters.voteResult(active) == VoteResult.WON;
    }

    public boolean isSingleton() {
        return voters.size() == 1;
    }

    public void resetVotes() {
        votes.clear();
    }

    /** Records the first vote of {@code id} in this election; later ones are ignored. */
    public void recordVote(long id, boolean granted) {
        votes.putIfAbsent(id, granted);
    }

    public VoteResult tallyVotes() {
        return voters.voteResult(votes);
    }

    /** Votes so far (read-only). */
    public Map<Long, Boolean> votes() {
        return Collections.unmodifiableMap(votes);
    }
}
