package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.Lessor;
import io.stormglass.raft.server.MemberConfig;

/**
 * etcd's lessor on one member, on the member's own wall clock (drift and steps apply). Only the
 * primary (the leader) tracks expiry: it extends every lease by an election timeout when it takes
 * office, serves keepalives, and every 500 ms revokes the expired leases by proposing a revocation
 * through Raft, so every member deletes the attached keys at the same log index.
 */
final class LeaseKeeper {
    private static final EventKind LEASE_CHECK = EventKind.named("member.lease-check");

    private final Scheduler scheduler;
    private final Clock localClock;
    private final int member;
    private final NodeLoop nodeLoop;
    private final KvStore kv;
    private final MemberLife life;
    private final Lessor lessor = new Lessor();
    private long nextInternalRequestId;

    LeaseKeeper(Scheduler scheduler, Clock localClock, int member, NodeLoop nodeLoop, KvStore kv, MemberLife life) {
        this.scheduler = scheduler;
        this.localClock = localClock;
        this.member = member;
        this.nodeLoop = nodeLoop;
        this.kv = kv;
        this.life = life;
    }

    void start() {
        scheduleCheck();
    }

    /** A grant was applied. */
    void granted(long leaseId, long ttlNanos) {
        lessor.granted(leaseId, ttlNanos, localClock.nowNanos());
    }

    /** A revocation was applied. */
    void revoked(long leaseId) {
        lessor.revoked(leaseId);
    }

    /** This member became leader: it becomes the primary lessor, every lease extended by {@code extendNanos}. */
    void promote(long extendNanos) {
        lessor.promote(localClock.nowNanos(), extendNanos, kv.leases());
    }

    void demote() {
        lessor.demote();
    }

    /**
     * Renews a lease (on the leader).
     *
     * @return its TTL in nanoseconds, or null if no such lease is live
     */
    Long keepAlive(long leaseId) {
        Long ttl = kv.leases().get(leaseId);
        return ttl != null && lessor.keepAlive(leaseId, ttl, localClock.nowNanos()) ? ttl : null;
    }

    private void scheduleCheck() {
        scheduler.schedule(MemberConfig.LEASE_CHECK_INTERVAL_NANOS, LEASE_CHECK, member, () -> {
            if (!life.alive()) {
                return;
            }
            for (long lease : lessor.expired(localClock.nowNanos())) {
                lessor.revoked(lease);
                proposeRevoke(lease);
            }
            scheduleCheck();
        });
    }

    private void proposeRevoke(long lease) {
        // internal proposals use negative ids, never a client's; nobody waits for their answer
        long requestId = -((long) member << 40) - (++nextInternalRequestId);
        nodeLoop.propose(KvCodec.encode(new KvCodec.Proposal(requestId, new KvCommand.LeaseRevoke(lease))), dropped -> { });
    }
}
