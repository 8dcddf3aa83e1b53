package io.stormglass.raft.quorum;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * A simple majority quorum over a fixed voter set (§5.2, §5.3), as etcd-io/raft's
 * {@code quorum.MajorityConfig}. A {@link JointConfig} combines two of these (thesis §4.3); learners
 * sit outside both. Immutable.
 *
 * @param voters member ids, ascending and distinct
 */
public record MajorityConfig(List<Long> voters) {
    /** No voters: commits everything and wins every vote, so it never restricts a joint config. */
    public static final MajorityConfig EMPTY = new MajorityConfig(List.of());

    public MajorityConfig {
        voters = voters.stream().sorted().distinct().toList();
    }

    public boolean isEmpty() {
        return voters.isEmpty();
    }

    public int size() {
        return voters.size();
    }

    public boolean contains(long id) {
        return voters.contains(id);
    }

    /** Smallest number of voters that forms a majority. */
    public int quorum() {
        return voters.size() / 2 + 1;
    }

    /**
     * The largest index that a majority has acknowledged (§5.3: "replicated on a majority"), given each
     * voter's acknowledged index (0 for none). An empty config commits everything, so that it never
     * restricts a joint config it is part of.
     */
    public long committedIndex(LongUnaryOperator ackedIndex) {
        if (voters.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long[] acked = new long[voters.size()];
        for (int i = 0; i < acked.length; i++) {
            acked[i] = ackedIndex.applyAsLong(voters.get(i));
        }
        Arrays.sort(acked);
        return acked[acked.length - quorum()];
    }

    /**
     * Counts {@code votes} (id to granted) from voters; ids outside the config are ignored. An empty
     * config wins, as etcd's does.
     */
    public VoteResult voteResult(Map<Long, Boolean> votes) {
        if (voters.isEmpty()) {
            return VoteResult.WON;
        }
        int granted = 0;
        int missing = 0;
        for (long id : voters) {
            Boolean v = votes.get(id);
            if (v == null) {
                missing++;
            } else if (v) {
                granted++;
            }
        }
        if (granted >= quorum()) {
            return VoteResult.WON;
        }
        return granted + missing >= quorum() ? VoteResult.PENDING : VoteResult.LOST;
    }

    /** etcd-io/raft's rendering: {@code (1 2 3)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < voters.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(voters.get(i));
        }
        return sb.append(')').toString();
    }
}
