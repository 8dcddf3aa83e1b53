package io.stormglass.raft.message;

/**
 * A Raft message, as etcd-io/raft's {@code raftpb.Message} but one record per type. Every message
 * names its sender, its receiver and the sender's term; term {@code 0} marks a message that is not
 * bound to a term (proposals and read requests forwarded to the leader, and messages the application
 * hands to its own member). Node id {@code 0} means "none".
 */
public sealed interface Message
        permits MsgApp, MsgAppResp, VoteRequest, VoteResponse, MsgHeartbeat, MsgHeartbeatResp, MsgProp,
        MsgSnap, MsgReadIndex, MsgReadIndexResp, MsgTimeoutNow, MsgTransferLeader, MsgUnreachable,
        MsgSnapStatus {
    /** "No node" (etcd's {@code None}). */
    long NONE = 0;

    long from();

    long to();

    long term();

    /** Short type name as etcd prints it (e.g. {@code MsgApp}). */
    default String type() {
        return getClass().getSimpleName();
    }
}
