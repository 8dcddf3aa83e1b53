/**
 * The member's machinery, after etcd's server; not API ({@link io.stormglass.raft.server.Member} is).
 * {@link io.stormglass.raft.server.internal.Incarnation} is one lifetime of a member process and only
 * wires it: it recovers the durable state ({@code Recovery}: the newest snapshot whose marker the WAL
 * holds, then the WAL after it), builds the four simulated threads (raft node, raft loop, apply,
 * backend) and gives every collaborator what it uses through its constructor; its javadoc walks a put
 * through them. Each collaborator owns one concern:
 * {@link io.stormglass.raft.server.internal.NodeLoop} is etcd-io/raft's {@code node.run}, the only
 * thread that touches the Raft core; {@link io.stormglass.raft.server.internal.RaftLoop} is etcd's
 * {@code raftNode.start}, which carries out each Ready's duties in etcd's order (a leader sends before
 * it persists, thesis §10.2.1; followers and candidates send after) and owns the ticker, so a loop
 * blocked in fdatasync takes no ticks; {@link io.stormglass.raft.server.internal.ReadyPersister} writes
 * and syncs the WAL before the Raft storage sees the state; {@code Applier} and {@code Backend} are the
 * apply loop and bbolt's batch commits; {@code ReadIndexLoop} serves linearizable reads (thesis §6.4);
 * {@code RequestHandler}, {@code ProposalWaits} and {@code Responder} are the gRPC side;
 * {@code Leadership}, {@code LeaseKeeper}, {@code SnapshotSaver}, {@code HeartbeatWatch} and
 * {@code WalFsyncWatch} carry etcd's leader bookkeeping, lessor, snapshot trigger and warnings;
 * {@code Outbox} is everything the member sends.
 *
 * <p>Guarantees: no acknowledgement (a vote, an append response, the leader's count of its own log)
 * leaves before the state it acknowledges is on disk (Raft Figure 2: persistent state is updated on
 * stable storage before responding to RPCs); a write is answered when its entry is applied on the
 * member it was proposed to, and fails with {@code no leader} if Raft refuses the proposal at once or
 * with {@code request timed out} at etcd's request deadline; logs ({@code MemberLog}: etcd's zap JSON
 * and warning texts, such as {@code slow fdatasync}) and metrics ({@code MemberMetrics}: etcd's names)
 * say what etcd would. All of it runs on the simulation loop through the member's
 * {@link io.stormglass.engine.exec.SerialExecutor}s, never lets hash order decide anything and never
 * reads the wall clock. A crash ends the incarnation: its executors are killed and every late I/O
 * callback finds its {@link io.stormglass.raft.server.internal.MemberLife} ended and does nothing. The
 * package uses the engine's interfaces, the Raft core through {@link io.stormglass.raft.RawNode} and
 * its {@code Ready}, the Raft storage, the WAL and the KV store; it never imports a disk or network
 * model or a checker.
 */
package io.stormglass.raft.server.internal;
