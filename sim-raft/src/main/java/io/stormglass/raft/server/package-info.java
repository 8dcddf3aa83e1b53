/**
 * One etcd member as a component of a simulation. {@link io.stormglass.raft.server.Member} boots from
 * its disks, crashes and restarts, and answers what checks read (role, term, applied index, the state
 * machine); it is configured by {@link io.stormglass.raft.server.MemberConfig} under etcd's flag names
 * and defaults (times in nanoseconds), with {@link io.stormglass.raft.server.CpuCosts} charged on its
 * simulated threads, and plugged into a {@link io.stormglass.raft.server.MemberEnvironment} made of
 * engine interfaces only (scheduler, the member's local clock, transport, file systems, recorder,
 * random streams), so the same member runs over any disk or network model, and could run over real
 * ones. What crosses the network is the sealed {@link io.stormglass.raft.server.Wire} family (Raft
 * messages between members, client requests and replies), sized and classified for the network by
 * {@link io.stormglass.raft.server.WireTraits}; clients see {@link io.stormglass.raft.server.EtcdErrors}'
 * texts exactly as etcd and clientv3 print them. Judges stand outside: a
 * {@link io.stormglass.raft.server.MemberObserver} is told what the member persisted, recovered,
 * installed and applied and which role it took, at the instant it happens, and must not change the
 * simulation. Nothing here imports a disk or network model or a checker; the member's threads and
 * loops are in {@code server.internal}.
 */
package io.stormglass.raft.server;
