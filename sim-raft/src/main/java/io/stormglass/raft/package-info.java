/**
 * The Raft core's public API, in the manner of etcd-io/raft: {@link io.stormglass.raft.RawNode}
 * (tick, step, propose, readIndex, campaign, transferLeadership, ready/advance),
 * {@link io.stormglass.raft.Ready} (the application's duties, in order),
 * {@link io.stormglass.raft.RaftConfig} (etcd's option names, validated), and the traits the
 * network models use to size and classify messages. Pure: no clock, no I/O, no threads; randomness
 * is injected. Membership changes are not implemented yet; the voter set lives behind
 * {@link io.stormglass.raft.quorum.MajorityConfig} so learners and joint consensus can be added.
 */
package io.stormglass.raft;
