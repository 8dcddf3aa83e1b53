package io.stormglass.raft.kv;

import java.util.List;

/** The outcome of applying a {@link KvCommand} or serving a read. */
public sealed interface KvResult {
    /** The store revision after the operation. */
    long revision();

    record PutResult(long revision, KeyValue previous) implements KvResult {
    }

    record DeleteResult(long revision, long deleted) implements KvResult {
    }

    record TxnResult(long revision, boolean succeeded, List<KvResult> responses) implements KvResult {
    }

    record LeaseGrantResult(long revision, long leaseId, long ttlNanos) implements KvResult {
    }

    record LeaseRevokeResult(long revision, long leaseId, long deletedKeys) implements KvResult {
    }

    /** A compaction's outcome: the revision compacted at and the history versions it dropped. */
    record CompactResult(long revision, long compactRevision, long droppedVersions) implements KvResult {
    }

    /** The members whose {@code NOSPACE} alarm is raised after an alarm request. */
    record AlarmResult(long revision, List<Integer> alarmed) implements KvResult {
    }

    record RangeResult(long revision, List<KeyValue> kvs) implements KvResult {
    }

    /** The command was rejected by the state machine (as etcd's {@code requested lease not found}). */
    record Rejected(long revision, String error) implements KvResult {
    }
}
