package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.kv.KvSnapshot;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.Wire;
import java.util.List;

/**
 * etcd's apply loop: applies committed entries in order to the KV store, one at a time. An
 * entry waits while the backend's batch commit holds the lock; the time from starting an entry
 * to finishing it, waiting included, above 100 ms logs {@code apply request took too long}.
 * Applying a proposal answers the request waiting for it on this member (through the
 * {@link Responder}); applying a lease grant or revocation tells the {@link LeaseKeeper}; after
 * each batch the {@link SnapshotSaver} may take a snapshot.
 */
final class Applier {
    private final MemberConfig config;
    private final SerialExecutor executor;
    private final KvStore kv;
    private final Backend backend;
    private final ReadIndexLoop readLoop;
    private final LeaseKeeper leases;
    private final SnapshotSaver snapshots;
    private final Responder responder;
    private final MemberObserver observer;
    private final MemberMetrics metrics;
    private final MemberLog log;
    private MembershipApplier membership;
    private final DbSpace space;
    private final SnapshotStates states;
    private long appliedIndex;
    private long appliedTerm;

    Applier(MemberConfig config, SerialExecutor executor, KvStore kv, Backend backend, ReadIndexLoop readLoop,
            LeaseKeeper leases, SnapshotSaver snapshots, Responder responder, MemberObserver observer,
            MemberMetrics metrics, MemberLog log, DbSpace space, SnapshotStates states) {
        this.space = space;
        this.states = states;
        this.config = config;
        this.executor = executor;
        this.kv = kv;
        this.backend = backend;
        this.readLoop = readLoop;
        this.leases = leases;
        this.snapshots = snapshots;
        this.responder = responder;
        this.observer = observer;
        this.metrics = metrics;
        this.log = log;
    }

    /** Connects the apply side of membership changes, once, before the member starts (it needs the node loop). */
    void connect(MembershipApplier membershipApplier) {
        this.membership = membershipApplier;
    }

    /** A snapshot on its way to a peer, with the key-value state its database carries (encoded). */
    record Outgoing(Snapshot snapshot, KvSnapshot state) {
    }

    /**
     * The snapshot a leader sends to {@code peer} for Raft's stored {@code stored}, with its state: the stored one
     * whenever it names the peer, else (it predates the peer) the applied state: etcd's
     * {@code createMergedSnapshotMessage} always sends the applied index, its term, the applied configuration and
     * the current backend, so a member added after the last snapshot finds itself in the snapshot's
     * configuration (Raft refuses a snapshot that does not name the receiver). The state leaves encoded: the
     * peer must not read this member's live history.
     */
    Outgoing snapshotFor(long peer, Snapshot stored) {
        if (!stored.metadata().confState().contains(peer) && appliedIndex > stored.index() && membership.confState().contains(peer)) {
            Snapshot merged = new Snapshot(new SnapshotMetadata(appliedIndex, appliedTerm, membership.confState()),
                    MembershipStoreImage.of(membership.confState()));
            return new Outgoing(merged, KvSnapshot.encoded(KvCodec.encodeSnapshot(kv)));
        }
        return new Outgoing(stored, states.stateOf(stored).encodedCopy());
    }

    long appliedIndex() {
        return appliedIndex;
    }

    /** Restores the state machine at boot from the snapshot the member recovered. */
    void restore(Snapshot snapshot) {
        if (!snapshot.isEmpty()) {
            restoreState(snapshot);
            space.observe(kv);
            appliedIndex = snapshot.index();
            appliedTerm = snapshot.term();
            snapshots.restoredAt(snapshot.index());
            membership.restored(snapshot);
            observer.restoredSnapshot(config.id(), snapshot.index(), snapshot.term());
        }
    }

    /**
     * Queues a Ready's committed entries (and incoming snapshot) for applying; {@code stored} completes once
     * the raft loop has persisted that Ready and appended it to the Raft storage (etcd's {@code notifyc}).
     */
    void enqueue(List<Entry> committed, Snapshot snapshot, Completion<IoStatus> stored) {
        executor.execute(ctx -> {
            if (snapshot != null && snapshot.index() > appliedIndex) {
                restoreState(snapshot);
                space.restored(kv, snapshot.index());
                appliedIndex = snapshot.index();
                appliedTerm = snapshot.term();
                snapshots.restoredAt(snapshot.index());
                membership.restored(snapshot);
                observer.restoredSnapshot(config.id(), snapshot.index(), snapshot.term());
                readLoop.onApplied(appliedIndex);
            }
            applyFrom(ctx, new Batch(committed, stored), 0, ctx.nowNanos());
        });
    }

    /**
     * Restores the store to the state {@code snapshot} stands for, then records a view of the restored store
     * as that state (the same state, which encodes to the same bytes): the encoded or dead-store state it
     * came from can go.
     */
    private void restoreState(Snapshot snapshot) {
        states.stateOf(snapshot).restoreInto(kv);
        states.put(snapshot.term(), snapshot.index(), kv.freeze());
    }

    /** One Ready's committed entries, and the completion of that Ready's persistence. */
    private record Batch(List<Entry> entries, Completion<IoStatus> stored) {
    }

    /**
     * Applies entries from {@code i} on, in one step as long as the backend lock is free: each
     * entry's CPU time (by its kind, {@link io.stormglass.raft.server.CpuCosts#applyNanos}) is charged in turn and counted in its duration; when a commit takes the lock
     * (because the batch limit was reached, or its timer fired before this step), the rest waits
     * for it in a later step.
     */
    private void applyFrom(TaskContext ctx, Batch batch, int i, long entryStartNanos) {
        List<Entry> entries = batch.entries();
        while (i < entries.size() && entries.get(i).index() <= appliedIndex) {
            i++; // already covered by a snapshot
        }
        if (i == entries.size()) {
            if (snapshots.mustWaitForStorage(appliedIndex)) {
                ctx.await(batch.stored(), (c, s) -> snapshots.maybeSnapshot(appliedIndex, kv, membership.confState(),
                        membership.confIndex()));
                return;
            }
            snapshots.maybeSnapshot(appliedIndex, kv, membership.confState(), membership.confIndex());
            return;
        }
        Completion<IoStatus> lock = backend.commitInProgress();
        if (lock != null) {
            int at = i;
            ctx.await(lock, (c, s) -> applyFrom(c, batch, at, entryStartNanos));
            return;
        }
        long charged = 0;
        long start = entryStartNanos;
        while (i < entries.size() && backend.commitInProgress() == null && entries.get(i).type() == EntryType.NORMAL) {
            Entry e = entries.get(i);
            KvCodec.Proposal proposal = e.data().length > 0 ? KvCodec.decodeProposal(e.data()) : null;
            charged += config.cpu().applyEntryNanos() + (proposal == null ? 0 : config.cpu().applyNanos(proposal.command()));
            apply(e, proposal, ctx.nowNanos() + charged - start);
            start = ctx.nowNanos() + charged;
            i++;
        }
        ctx.chargeCpu(charged);
        int next = i;
        if (next < entries.size() && backend.commitInProgress() == null && entries.get(next).type() != EntryType.NORMAL) {
            applyConfChange(ctx, batch, next);
            return;
        }
        ctx.sleep(0, c -> applyFrom(c, batch, next, c.nowNanos()));
    }

    /** A configuration change takes effect when applied: the apply thread waits for the node loop to apply it to the core. */
    private void applyConfChange(TaskContext ctx, Batch batch, int at) {
        Entry e = batch.entries().get(at);
        ctx.chargeCpu(config.cpu().applyEntryNanos());
        ctx.await(membership.apply(e), (c, confState) -> {
            appliedIndex = e.index();
            appliedTerm = e.term();
            observer.applied(config.id(), e);
            readLoop.onApplied(appliedIndex);
            applyFrom(c, batch, at + 1, c.nowNanos());
        });
    }

    /** Applies {@code e}, whose decoded proposal is {@code proposal} (null for an empty entry). */
    private void apply(Entry e, KvCodec.Proposal proposal, long tookNanos) {
        appliedIndex = e.index();
        appliedTerm = e.term();
        observer.applied(config.id(), e);
        if (proposal != null) {
            KvResult result = kv.apply(proposal.command());
            space.observe(kv);
            metrics.proposalsApplied.increment();
            backend.recordChange(e.data().length);
            onLeaseChange(proposal.command(), result);
            if (tookNanos > MemberConfig.SLOW_APPLY_NANOS) {
                log.warn("apply request took too long", tookNanos,
                        "took", GoDuration.format(tookNanos),
                        "expected-duration", GoDuration.format(MemberConfig.SLOW_APPLY_NANOS),
                        "prefix", "",
                        "request", describe(proposal.command()));
                metrics.slowApplies.increment();
            }
            Wire.ClientReply reply = result instanceof KvResult.Rejected r
                    ? new Wire.ClientReply.Error(r.error()) : new Wire.ClientReply.Ok(result);
            responder.answerProposal(proposal.requestId(), reply);
        }
        readLoop.onApplied(appliedIndex);
    }

    private void onLeaseChange(KvCommand command, KvResult result) {
        if (command instanceof KvCommand.LeaseGrant g && result instanceof KvResult.LeaseGrantResult) {
            leases.granted(g.leaseId(), g.ttlNanos());
        } else if (command instanceof KvCommand.LeaseRevoke r) {
            leases.revoked(r.leaseId());
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
        if (c instanceof KvCommand.Alarm a) {
            return "alarm action:" + (a.activate() ? "ACTIVATE" : "DEACTIVATE") + " memberID:" + a.memberId() + " alarm:NOSPACE";
        }
        if (c instanceof KvCommand.Compact k) {
            return "compaction revision:" + k.revision();
        }
        return "lease_revoke id:" + ((KvCommand.LeaseRevoke) c).leaseId();
    }
}
