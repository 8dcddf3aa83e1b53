package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.wal.SnapshotFile;
import java.util.List;

/**
 * etcd's apply loop: applies committed entries in order to the KV store, one at a time. An
 * entry waits while the backend's batch commit holds the lock; the time from starting an entry
 * to finishing it, waiting included, above 100 ms logs {@code apply request took too long}.
 * Applying a proposal answers the request waiting for it on this member. Every
 * {@code snapshot-count} applied entries, a snapshot of the KV store is saved (file, then WAL
 * marker) and the log is compacted, keeping {@code snapshotCatchUpEntries} for slow followers.
 */
final class Applier {
    private final Incarnation m;
    private final SerialExecutor executor;
    private final KvStore kv = new KvStore();
    private long appliedIndex;
    private long snapshotIndex;
    private boolean snapshotInProgress;

    Applier(Incarnation m, SerialExecutor executor) {
        this.m = m;
        this.executor = executor;
    }

    KvStore kv() {
        return kv;
    }

    long appliedIndex() {
        return appliedIndex;
    }

    /** Restores the state machine at boot from the snapshot the member recovered. */
    void restore(Snapshot snapshot) {
        if (!snapshot.isEmpty()) {
            KvCodec.restoreSnapshot(kv, snapshot.data());
            appliedIndex = snapshot.index();
            snapshotIndex = snapshot.index();
            m.env.observer().restoredSnapshot(m.config.id(), snapshot.index(), snapshot.term());
        }
    }

    /** Queues a Ready's committed entries (and incoming snapshot) for applying. */
    void enqueue(List<Entry> committed, Snapshot snapshot) {
        executor.execute(ctx -> {
            if (snapshot != null && snapshot.index() > appliedIndex) {
                KvCodec.restoreSnapshot(kv, snapshot.data());
                appliedIndex = snapshot.index();
                snapshotIndex = snapshot.index();
                m.env.observer().restoredSnapshot(m.config.id(), snapshot.index(), snapshot.term());
                m.readLoop.onApplied(appliedIndex);
            }
            applyFrom(ctx, committed, 0, ctx.nowNanos());
        });
    }

    /**
     * Applies entries from {@code i} on, in one step as long as the backend lock is free: each
     * entry's CPU time is charged in turn and counted in its duration; when a commit takes the lock
     * (because the batch limit was reached, or its timer fired before this step), the rest waits
     * for it in a later step.
     */
    private void applyFrom(TaskContext ctx, List<Entry> entries, int i, long entryStartNanos) {
        while (i < entries.size() && entries.get(i).index() <= appliedIndex) {
            i++; // already covered by a snapshot
        }
        if (i == entries.size()) {
            maybeSnapshot();
            return;
        }
        Completion<IoStatus> lock = m.backend.commitInProgress();
        if (lock != null) {
            int at = i;
            ctx.await(lock, (c, s) -> applyFrom(c, entries, at, entryStartNanos));
            return;
        }
        long cost = m.config.cpu().applyEntryNanos();
        long charged = 0;
        long start = entryStartNanos;
        while (i < entries.size() && m.backend.commitInProgress() == null) {
            charged += cost;
            apply(entries.get(i), ctx.nowNanos() + charged - start);
            start = ctx.nowNanos() + charged;
            i++;
        }
        ctx.chargeCpu(charged);
        int next = i;
        ctx.sleep(0, c -> applyFrom(c, entries, next, c.nowNanos()));
    }

    private void apply(Entry e, long tookNanos) {
        appliedIndex = e.index();
        m.env.observer().applied(m.config.id(), e);
        if (e.data().length > 0) {
            KvCodec.Proposal proposal = KvCodec.decodeProposal(e.data());
            KvResult result = kv.apply(proposal.command());
            m.metrics.proposalsApplied.increment();
            m.backend.recordChange(e.data().length);
            onLeaseChange(proposal.command(), result);
            if (tookNanos > MemberConfig.SLOW_APPLY_NANOS) {
                m.log.warn("apply request took too long",
                        "took", GoDuration.format(tookNanos),
                        "expected-duration", GoDuration.format(MemberConfig.SLOW_APPLY_NANOS),
                        "prefix", "",
                        "request", describe(proposal.command()));
                m.metrics.slowApplies.increment();
            }
            Wire.ClientReply reply = result instanceof KvResult.Rejected r
                    ? new Wire.ClientReply.Error(r.error()) : new Wire.ClientReply.Ok(result);
            m.answerProposal(proposal.requestId(), reply);
        }
        m.readLoop.onApplied(appliedIndex);
    }

    private void onLeaseChange(KvCommand command, KvResult result) {
        if (command instanceof KvCommand.LeaseGrant g && result instanceof KvResult.LeaseGrantResult) {
            m.lessor.granted(g.leaseId(), g.ttlNanos(), m.env.localClock().nowNanos());
        } else if (command instanceof KvCommand.LeaseRevoke r) {
            m.lessor.revoked(r.leaseId());
        }
    }

    private static String describe(KvCommand c) {
        if (c instanceof KvCommand.Put p) {
            return "key:\"" + p.key() + "\" value_size:" + p.value().length() + (p.leaseId() != 0 ? " lease:" + p.leaseId() : "");
        }
        if (c instanceof KvCommand.Delete d) {
            return "delete_range key:\"" + d.key() + "\"";
        }
        if (c instanceof KvCommand.Txn t) {
            return "txn compare:" + t.compares().size() + " success:" + t.success().size() + " failure:" + t.failure().size();
        }
        if (c instanceof KvCommand.LeaseGrant g) {
            return "lease_grant id:" + g.leaseId();
        }
        return "lease_revoke id:" + ((KvCommand.LeaseRevoke) c).leaseId();
    }

    /** Takes a snapshot every {@code snapshot-count} entries (only of entries already in the Raft storage). */
    private void maybeSnapshot() {
        if (snapshotInProgress || appliedIndex - snapshotIndex <= m.config.snapshotCount()) {
            return;
        }
        long index = Math.min(appliedIndex, m.storage.lastIndex());
        if (index <= m.storage.snapshot().index()) {
            return;
        }
        snapshotInProgress = true;
        byte[] data = KvCodec.encodeSnapshot(kv);
        Snapshot snap = m.storage.createSnapshot(index, m.voters(), data);
        SnapshotFile file = new SnapshotFile(snap.term(), snap.index(), data);
        m.snapshotter.save(file, r -> {
            if (!m.alive()) {
                return;
            }
            if (!r.isOk()) {
                m.fatal("failed to save snapshot", r.status());
                return;
            }
            m.wal.saveSnapshot(file.marker(), r2 -> {
                if (!m.alive()) {
                    return;
                }
                if (!r2.isOk()) {
                    m.fatal("failed to save snapshot marker", r2.status());
                    return;
                }
                snapshotIndex = index;
                snapshotInProgress = false;
                long compactIndex = index - m.config.snapshotCatchUpEntries();
                if (compactIndex > m.storage.firstIndex()) {
                    m.storage.compact(compactIndex);
                }
                m.wal.releaseLockTo(index);
                m.snapshotter.purge(5);
                m.log.info("saved snapshot", "snapshot-index", Long.toString(index));
            });
        });
    }
}
