package io.stormglass.raft.log;

/**
 * How a {@link ConfChangeV2} moves between configurations (etcd-io/raft {@code raftpb.ConfChangeTransition},
 * in its order).
 */
public enum ConfChangeTransition {
    /**
     * A single change that may be made directly (thesis §4.1) is; anything else goes through joint
     * consensus (thesis §4.3) and leaves the joint configuration automatically.
     */
    AUTO,
    /** Always joint consensus, left automatically once the change is applied. */
    JOINT_IMPLICIT,
    /** Always joint consensus, left only when the application proposes the empty {@link ConfChangeV2}. */
    JOINT_EXPLICIT
}
