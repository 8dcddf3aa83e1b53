package io.stormglass.raft.quorum;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;

/**
 * Two majority configurations that must both agree (etcd-io/raft {@code quorum.JointConfig}): thesis
 * §4.3, "agreement (for elections and entry commitment) requires separate majorities from both the old
 * and new configurations". Outside joint consensus the outgoing side is empty, and an empty majority
 * config commits everything and wins every vote, so the pair then decides exactly as the incoming side
 * alone. Immutable.
 *
 * @param incoming the new configuration (C<sub>new</sub>), the only one outside joint consensus
 * @param outgoing the configuration being left (C<sub>old</sub>) while joint; empty otherwise
 */
public record JointConfig(MajorityConfig incoming, MajorityConfig outgoing) {
    /** No voters at all. */
    public static final JointConfig EMPTY = new JointConfig(MajorityConfig.EMPTY, MajorityConfig.EMPTY);

    public JointConfig {
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(outgoing, "outgoing");
    }

    /** The plain (non-joint) configuration of {@code voters}. */
    public static JointConfig of(List<Long> voters) {
        return new JointConfig(new MajorityConfig(voters), MajorityConfig.EMPTY);
    }

    /** Whether both sides decide (thesis §4.3 C<sub>old,new</sub>). */
    public boolean isJoint() {
        return !outgoing.isEmpty();
    }

    /** Voters of either side, ascending and distinct. */
    public List<Long> ids() {
        if (outgoing.isEmpty()) {
            return incoming.voters();
        }
        TreeSet<Long> all = new TreeSet<>(incoming.voters());
        all.addAll(outgoing.voters());
        return List.copyOf(all);
    }

    /** Whether {@code id} is a voter on either side. */
    public boolean contains(long id) {
        return incoming.contains(id) || outgoing.contains(id);
    }

    /** The largest index committed by both sides (§5.3 per side, thesis §4.3 for the pair). */
    public long committedIndex(LongUnaryOperator ackedIndex) {
        return Math.min(incoming.committedIndex(ackedIndex), outgoing.committedIndex(ackedIndex));
    }

    /** A vote is won when both sides win it, lost when either loses it, pending otherwise (thesis §4.3). */
    public VoteResult voteResult(Map<Long, Boolean> votes) {
        VoteResult in = incoming.voteResult(votes);
        VoteResult out = outgoing.voteResult(votes);
        if (in == out) {
            return in;
        }
        if (in == VoteResult.LOST || out == VoteResult.LOST) {
            return VoteResult.LOST;
        }
        return VoteResult.PENDING;
    }

    /** etcd-io/raft's rendering: {@code (1 2 3)&&(1 2)} while joint, {@code (1 2 3)} otherwise. */
    @Override
    public String toString() {
        return outgoing.isEmpty() ? incoming.toString() : incoming + "&&" + outgoing;
    }
}
