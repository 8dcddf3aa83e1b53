package io.stormglass.raft.message;

/**
 * Asks the leader to hand leadership to {@code from} (the transferee), as etcd encodes it; a follower
 * forwards it to the leader.
 */
public record MsgTransferLeader(long from, long to, long term) implements Message {
}
