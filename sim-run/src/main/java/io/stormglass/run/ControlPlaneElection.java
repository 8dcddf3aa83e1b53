package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.Compare;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.List;

/**
 * The control service of seed 001, electing its own leader through etcd as
 * {@code clientv3/concurrency} does: each candidate opens a session, a lease it keeps alive every
 * keepalive interval for as long as it lives; it campaigns with a transaction that creates
 * {@code control/leader} (attached to its lease) only if the key does not exist; a candidate that
 * lost reads the key with linearizable reads every check interval and campaigns when it is gone.
 * A keepalive answered "lease not found" (the lease expired) ends the session: the candidate
 * opens a new one and campaigns again. Its requests are what the incident's clients saw fail.
 */
final class ControlPlaneElection {
    private static final EventKind TIMER = EventKind.named("control-plane.timer");
    static final String KEY = "control/leader";

    private final Scheduler scheduler;
    private final WorkloadSpec.ControlPlane spec;
    private final List<KvClient> candidates;
    private final long stopNanos;
    private final long[] leaseIds;
    private long leaseSequence;

    ControlPlaneElection(Scheduler scheduler, WorkloadSpec.ControlPlane spec, List<KvClient> candidates, long stopNanos) {
        this.scheduler = scheduler;
        this.spec = spec;
        this.candidates = candidates;
        this.stopNanos = stopNanos;
        this.leaseIds = new long[candidates.size()];
    }

    void start(long atNanos) {
        for (int i = 0; i < candidates.size(); i++) {
            int c = i;
            scheduler.scheduleAt(atNanos, TIMER, c, () -> grantAndCampaign(c));
        }
    }

    private void grantAndCampaign(int c) {
        if (scheduler.nowNanos() >= stopNanos) {
            return;
        }
        long lease = (long) (c + 1) << 32 | ++leaseSequence;
        leaseIds[c] = lease;
        candidates.get(c).leaseGrant(lease, spec.leaseTtlNanos(), r -> {
            if (r.ok()) {
                later(c, spec.keepAliveIntervalNanos(), () -> keepAlive(c, lease));
                campaign(c);
            } else {
                later(c, spec.checkIntervalNanos(), () -> grantAndCampaign(c));
            }
        });
    }

    private void campaign(int c) {
        KvCommand.Txn txn = new KvCommand.Txn(
                List.of(new Compare(KEY, Compare.Target.CREATE_REVISION, Compare.Op.EQUAL, "", 0)),
                List.of(new KvCommand.Put(KEY, "candidate-" + c, leaseIds[c])), List.of());
        candidates.get(c).txn(txn, r -> {
            if (r.ok() && r.result() instanceof KvResult.TxnResult t && t.succeeded()) {
                return; // leading: the session's keepalives hold the key
            }
            later(c, spec.checkIntervalNanos(), r.ok() ? () -> watch(c) : () -> campaign(c));
        });
    }

    /** The session's keepalive loop for {@code lease}; it ends when a newer session replaced it. */
    private void keepAlive(int c, long lease) {
        if (leaseIds[c] != lease) {
            return;
        }
        candidates.get(c).leaseKeepAlive(lease, (ClientResult r) -> {
            if (leaseIds[c] != lease) {
                return;
            }
            if (!r.ok() && "etcdserver: requested lease not found".equals(r.error())) {
                later(c, 0, () -> grantAndCampaign(c));
            } else {
                later(c, spec.keepAliveIntervalNanos(), () -> keepAlive(c, lease));
            }
        });
    }

    private void watch(int c) {
        candidates.get(c).get(KEY, true, r -> {
            boolean vacant = r.ok() && ((KvResult.RangeResult) r.result()).kvs().isEmpty();
            later(c, vacant ? 0 : spec.checkIntervalNanos(), vacant ? () -> campaign(c) : () -> watch(c));
        });
    }

    private void later(int c, long delayNanos, Runnable action) {
        if (scheduler.nowNanos() + delayNanos < stopNanos) {
            scheduler.schedule(delayNanos, TIMER, c, action::run);
        }
    }
}
