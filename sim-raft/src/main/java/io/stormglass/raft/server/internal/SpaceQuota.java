package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;

/**
 * etcd's space quota in front of the KV API ({@code quotaKVServer} and {@code BackendQuota},
 * server/etcdserver/api/v3rpc/quota.go and server/storage/quota.go): a write is let through when
 * the database file's size plus the write's estimated cost stays below {@code --quota-backend-bytes};
 * otherwise it fails with {@value KvStore#NO_SPACE} and the member proposes the {@code NOSPACE}
 * alarm through Raft, after which every member's apply refuses writes until the alarm is
 * disarmed. The check reads the file's size, not its in-use size: a compaction frees pages but
 * only a defragmentation shrinks the file, so recovering needs compaction, defragmentation and
 * {@code alarm disarm}, in that order.
 */
final class SpaceQuota {
    /** etcd's {@code kvOverhead}: the estimated cost of a key's metadata. */
    static final int KV_OVERHEAD_BYTES = 256;
    /** etcd's {@code leaseOverhead}. */
    static final int LEASE_OVERHEAD_BYTES = 64;

    private final DbSpace space;
    private final long quotaBytes;
    private final int member;
    private final NodeLoop nodeLoop;
    private final KvStore kv;
    private long nextRequestId;

    SpaceQuota(DbSpace space, long quotaBytes, int member, NodeLoop nodeLoop, KvStore kv) {
        this.space = space;
        this.quotaBytes = quotaBytes;
        this.member = member;
        this.nodeLoop = nodeLoop;
        this.kv = kv;
    }

    /** Whether {@code command} may be proposed; if not, raises this member's alarm (once while it stands). */
    boolean admit(KvCommand command) {
        long cost = cost(command);
        if (cost == 0 || space.totalBytes() + cost < quotaBytes) {
            return true;
        }
        if (!kv.noSpaceAlarms().contains(member)) {
            long requestId = -((long) member << 40) - (3L << 38) - (++nextRequestId);
            nodeLoop.propose(KvCodec.encode(new KvCodec.Proposal(requestId, new KvCommand.Alarm(true, member))), dropped -> { });
        }
        return false;
    }

    /** etcd's {@code BackendQuota.Cost}: a put's key, value and overhead; a txn's larger branch; a lease grant's overhead. */
    static long cost(KvCommand command) {
        if (command instanceof KvCommand.Put p) {
            return KV_OVERHEAD_BYTES + p.key().length() + p.value().length();
        }
        if (command instanceof KvCommand.Txn t) {
            return Math.max(branchCost(t.success()), branchCost(t.failure()));
        }
        return command instanceof KvCommand.LeaseGrant ? LEASE_OVERHEAD_BYTES : 0;
    }

    private static long branchCost(java.util.List<KvCommand> ops) {
        long sum = 0;
        for (KvCommand op : ops) {
            sum += cost(op);
        }
        return sum;
    }
}
