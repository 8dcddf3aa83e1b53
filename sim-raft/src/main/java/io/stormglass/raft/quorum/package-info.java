/**
 * Quorum arithmetic (committed index, vote counting): {@link io.stormglass.raft.quorum.MajorityConfig}
 * over one voter set, {@link io.stormglass.raft.quorum.JointConfig} over two during joint consensus
 * (thesis §4.3).
 */
package io.stormglass.raft.quorum;
