package io.stormglass.raft.message;

import io.stormglass.raft.log.Snapshot;

/** InstallSnapshot (§7): sent to a follower whose next entry the leader has compacted away. */
public record MsgSnap(long from, long to, long term, Snapshot snapshot) implements Message {
}
