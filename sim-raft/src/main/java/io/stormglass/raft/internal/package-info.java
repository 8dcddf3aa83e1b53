/**
 * The state machine itself: {@link io.stormglass.raft.internal.RaftCore} with its role rules
 * (follower, candidate, leader), the log (stable + unstable), replication and ReadIndex bookkeeping.
 * Not an API: use {@link io.stormglass.raft.RawNode}.
 */
package io.stormglass.raft.internal;
