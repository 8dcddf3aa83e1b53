package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's view of lease expiry, as etcd's lessor: only the leader's lessor is "primary" and
 * decides that a lease expired (it then proposes a revoke through Raft); followers never expire
 * leases on their own. Times are the member's local clock in nanoseconds, which may drift.
 *
 * <p>On becoming leader ({@link #promote}), every lease's expiry is refreshed to
 * {@code now + extend + ttl}, as etcd does so that leases are not revoked merely because the old
 * leader's keepalives were lost in the election.
 */
public final class Lessor {
    private final SortedMap<Long, Long> expiryNanos = new TreeMap<>();
    private boolean primary;

    public boolean isPrimary() {
        return primary;
    }

    /** Becomes primary: every known lease expires {@code extendNanos + ttl} from now. */
    public void promote(long nowNanos, long extendNanos, SortedMap<Long, Long> leaseTtls) {
        primary = true;
        expiryNanos.clear();
        for (Map.Entry<Long, Long> lease : leaseTtls.entrySet()) {
            expiryNanos.put(lease.getKey(), nowNanos + extendNanos + lease.getValue());
        }
    }

    /** Stops deciding expiry (on losing leadership). */
    public void demote() {
        primary = false;
        expiryNanos.clear();
    }

    /** A lease was granted (applied): the primary starts its clock. */
    public void granted(long leaseId, long ttlNanos, long nowNanos) {
        if (primary) {
            expiryNanos.put(leaseId, nowNanos + ttlNanos);
        }
    }

    /** A lease was revoked (applied). */
    public void revoked(long leaseId) {
        expiryNanos.remove(leaseId);
    }

    /**
     * A keepalive reached the primary: the lease lives another TTL.
     *
     * @return false if this member is not primary or does not know the lease
     */
    public boolean keepAlive(long leaseId, long ttlNanos, long nowNanos) {
        if (!primary || !expiryNanos.containsKey(leaseId)) {
            return false;
        }
        expiryNanos.put(leaseId, nowNanos + ttlNanos);
        return true;
    }

    /** Leases whose expiry has passed, in id order; the caller proposes their revocation. */
    public List<Long> expired(long nowNanos) {
        List<Long> out = new ArrayList<>();
        if (!primary) {
            return out;
        }
        for (Map.Entry<Long, Long> e : expiryNanos.entrySet()) {
            if (e.getValue() <= nowNanos) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Remaining time to live of a lease in nanoseconds, or -1 if unknown here. */
    public long remainingNanos(long leaseId, long nowNanos) {
        Long expiry = expiryNanos.get(leaseId);
        return expiry == null ? -1 : Math.max(0, expiry - nowNanos);
    }
}
