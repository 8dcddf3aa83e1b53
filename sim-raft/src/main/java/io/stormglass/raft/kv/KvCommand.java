package io.stormglass.raft.kv;

import java.util.List;

/**
 * A state-machine command, replicated through Raft and applied in log order on every member.
 * Reads are not commands: linearizable reads go through ReadIndex, serializable reads are local.
 */
public sealed interface KvCommand {
    /** Sets {@code key} to {@code value}, attaching {@code leaseId} (0 for none). */
    record Put(String key, String value, long leaseId) implements KvCommand {
    }

    /** Deletes {@code key}, or the range {@code [key, rangeEnd)} when {@code rangeEnd} is not empty. */
    record Delete(String key, String rangeEnd) implements KvCommand {
    }

    /** If every compare holds, applies {@code success}, else {@code failure}; one revision for all. */
    record Txn(List<Compare> compares, List<KvCommand> success, List<KvCommand> failure) implements KvCommand {
        public Txn {
            compares = List.copyOf(compares);
            success = List.copyOf(success);
            failure = List.copyOf(failure);
            for (KvCommand c : success) {
                checkNestable(c);
            }
            for (KvCommand c : failure) {
                checkNestable(c);
            }
        }

        private static void checkNestable(KvCommand c) {
            if (!(c instanceof Put) && !(c instanceof Delete)) {
                throw new IllegalArgumentException("a txn branch holds puts and deletes only: " + c);
            }
        }
    }

    /** Creates lease {@code leaseId} with a time to live. */
    record LeaseGrant(long leaseId, long ttlNanos) implements KvCommand {
    }

    /**
     * Compacts the store's history at {@code revision} (etcd's {@code Compaction} request, which
     * goes through Raft so every member drops the same history at the same log index).
     */
    record Compact(long revision) implements KvCommand {
    }

    /**
     * Raises ({@code activate}) or disarms etcd's {@code NOSPACE} alarm for member {@code memberId}
     * (etcd's {@code AlarmRequest}, replicated so that every member refuses writes while any alarm
     * is raised); disarming member 0 disarms every member's alarm, as {@code etcdctl alarm disarm} does.
     */
    record Alarm(boolean activate, int memberId) implements KvCommand {
    }

    /** Revokes a lease and deletes every key attached to it (proposed by the client, or by the leader on expiry). */
    record LeaseRevoke(long leaseId) implements KvCommand {
    }
}
