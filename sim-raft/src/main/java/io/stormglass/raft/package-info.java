/**
 * The Raft core's public API, in the manner of etcd-io/raft: {@link io.stormglass.raft.RawNode}
 * (tick, step, propose, proposeConfChange/applyConfChange, readIndex, campaign, transferLeadership,
 * ready/advance), {@link io.stormglass.raft.Ready} (the application's duties, in order),
 * {@link io.stormglass.raft.RaftConfig} (etcd's option names, validated), and the traits the
 * network models use to size and classify messages. Pure: no clock, no I/O, no threads; randomness
 * is injected. Membership changes follow etcd-io/raft: learners, single-server changes and joint
 * consensus ({@code ConfChange}, {@code ConfChangeV2}), checked by {@code raft.confchange}, counted by
 * {@link io.stormglass.raft.quorum.JointConfig}, taking effect when their entries are applied.
 */
package io.stormglass.raft;
