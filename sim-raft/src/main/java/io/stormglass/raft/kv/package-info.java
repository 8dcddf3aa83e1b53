/**
 * The replicated state machine: etcd's key-value store with its MVCC history ({@code MvccHistory}, compaction).
 * {@link io.stormglass.raft.kv.KvStore} applies {@link io.stormglass.raft.kv.KvCommand}s (put, delete
 * of a key or a range, transactions guarded by {@link io.stormglass.raft.kv.Compare}s, lease grant and
 * revoke) in log order with etcd's revision rules (a change advances the revision by one, a transaction
 * by one in all; a delete that finds nothing and a lease grant do not) and answers with
 * {@link io.stormglass.raft.kv.KvResult}s, a rejection being a value with etcd's text. It is
 * deterministic (sorted maps only, no clock): members that apply the same commands in the same order
 * reach the same state and the same {@link io.stormglass.raft.kv.KvStore#digest()}, which is what
 * state-machine safety (Raft §5.4.3) is checked on. {@link io.stormglass.raft.kv.KvCodec} is the
 * binary form of proposals and snapshots, so encoded sizes are what the WAL and the network carry.
 * {@link io.stormglass.raft.kv.Lessor} is etcd's lease expiry on one member: only the primary (the
 * leader) decides that a lease expired, on times the member reads from its own clock, and the
 * revocation goes through Raft so every member deletes the attached keys at the same log index. Reads
 * are not commands: linearizable ones go through ReadIndex, serializable ones are served locally. The
 * package knows nothing of Raft, the member or time sources; TTLs and times are nanoseconds.
 */
package io.stormglass.raft.kv;
