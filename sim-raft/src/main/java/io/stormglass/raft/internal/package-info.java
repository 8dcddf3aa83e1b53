/**
 * The state machine itself, after etcd-io/raft's {@code raft.go}:
 * {@link io.stormglass.raft.internal.RaftCore} with one {@link io.stormglass.raft.internal.Role} per
 * role (follower, pre-candidate and candidate, leader), the log (stable + unstable), elections and
 * replication. What only a leader has (the ReadIndex queue and pending reads, the read lease, the
 * leadership transferee, the proposal budget, the heartbeat clock) lives in one
 * {@link io.stormglass.raft.internal.LeaderRole} per leadership and dies with it; per-follower progress
 * lives in the core's tracker, rebuilt on every role change. Pure: no clock, no I/O, no threads. Not an
 * API: use {@link io.stormglass.raft.RawNode}.
 */
package io.stormglass.raft.internal;
