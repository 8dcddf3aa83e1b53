package io.stormglass.raft.log;

/** One kind of membership change (etcd-io/raft {@code raftpb.ConfChangeType}, in its order). */
public enum ConfChangeType {
    /** Make the member a voter: add it, or promote it from learner (thesis §4.1, §4.2.1). */
    ADD_NODE,
    /** Remove the member, voter or learner (thesis §4.1; the leader itself, §4.2.2). */
    REMOVE_NODE,
    /** Change nothing in the configuration; carries application data (etcd: a member's peer URLs). */
    UPDATE_NODE,
    /** Make the member a learner: add it, or demote it from voter (thesis §4.2.1). */
    ADD_LEARNER_NODE
}
