package io.stormglass.raft.tracker;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.quorum.JointConfig;
import io.stormglass.raft.quorum.MajorityConfig;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The active configuration (etcd-io/raft {@code tracker.Config}). Immutable; {@code confchange.Changer}
 * derives new ones and checks their invariants: learners and voters (of either side) are disjoint, so a
 * member's role never depends on which side is asked; learners-next exist only while joint and are
 * outgoing voters; auto-leave is set only while joint.
 *
 * <p>Why learners-next: demoting voter 3 of (1 2 3) through joint consensus gives (1 2)&amp;&amp;(1 2 3),
 * where 3 still votes on the outgoing side; it becomes a learner only when the joint configuration is left.
 *
 * @param voters       the voters, joint while a change through joint consensus is in progress (thesis §4.3)
 * @param autoLeave    while joint: the leader proposes leaving the joint configuration once it applied it
 * @param learners     non-voting members that receive the log (thesis §4.2.1), ascending
 * @param learnersNext outgoing voters that become learners when the joint configuration is left, ascending
 */
public record TrackerConfig(JointConfig voters, boolean autoLeave, List<Long> learners, List<Long> learnersNext) {
    /** No members. */
    public static final TrackerConfig EMPTY = new TrackerConfig(JointConfig.EMPTY, false, List.of(), List.of());

    public TrackerConfig {
        Objects.requireNonNull(voters, "voters");
        learners = List.copyOf(new TreeSet<>(learners));
        learnersNext = List.copyOf(new TreeSet<>(learnersNext));
    }

    /** The plain configuration of {@code voters}, without learners. */
    public static TrackerConfig ofVoters(List<Long> voters) {
        return new TrackerConfig(JointConfig.of(voters), false, List.of(), List.of());
    }

    public boolean isJoint() {
        return voters.isJoint();
    }

    public boolean isLearner(long id) {
        return learners.contains(id);
    }

    /** This configuration as etcd's {@code ConfState} (what snapshots carry). */
    public ConfState toConfState() {
        return new ConfState(voters.incoming().voters(), voters.outgoing().voters(), learners, learnersNext, autoLeave);
    }

    /** etcd-io/raft's rendering: {@code voters=(1 2 3)&&(1) learners=(4) learners_next=(2) autoleave}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("voters=").append(voters);
        if (!learners.isEmpty()) {
            sb.append(" learners=").append(new MajorityConfig(learners));
        }
        if (!learnersNext.isEmpty()) {
            sb.append(" learners_next=").append(new MajorityConfig(learnersNext));
        }
        if (autoLeave) {
            sb.append(" autoleave");
        }
        return sb.toString();
    }
}
