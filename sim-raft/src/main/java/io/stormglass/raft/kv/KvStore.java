package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replicated key-value state machine, with etcd's revision rules: every applied command that
 * changes a key advances the store revision by one (a transaction by one in all), a delete that
 * finds nothing and a lease grant do not. Like etcd's MVCC store it keeps every key's history
 * ({@link MvccHistory}: each write and tombstone at its revision) until a {@link KvCommand.Compact}
 * drops what is older than the compaction revision, so that a range at an older revision returns
 * that revision's data and a range below the compaction revision fails with etcd's
 * {@value #COMPACTED} (etcd {@code mvcc.ErrCompacted}, server/storage/mvcc/kvstore.go, as
 * {@code rpctypes.ErrGRPCCompacted} shows it to clients). The current value of each key is also
 * kept on its own, which is what reads at the current revision use. A snapshot of the store is a
 * view taken in constant time ({@link #freeze()}), not a copy of the history.
 *
 * <p>Deterministic and single-threaded: members that apply the same commands in the same order
 * end in identical states, which the state-machine-safety checker compares through
 * {@link #digest()}.
 */
public final class KvStore {
    /** A range or compaction below the compaction revision (etcd {@code ErrGRPCCompacted}). */
    public static final String COMPACTED = "etcdserver: mvcc: required revision has been compacted";
    /** A range or compaction above the current revision (etcd {@code ErrGRPCFutureRev}). */
    public static final String FUTURE_REVISION = "etcdserver: mvcc: required revision is a future revision";
    /**
     * A write refused while a {@code NOSPACE} alarm is raised (etcd's {@code applierV3Capped}, and the
     * quota check before proposing), as clients see it ({@code rpctypes.ErrGRPCNoSpace}).
     */
    public static final String NO_SPACE = "etcdserver: mvcc: database space exceeded";
    private final LiveKeys data = new LiveKeys();
    private final NoSpaceAlarms noSpaceAlarms = new NoSpaceAlarms();
    /** Replaced, not cleared, by a restore: snapshot views of the old one stay exact. */
    private MvccHistory history = new MvccHistory();
    private EventLog events = new EventLog(history);
    private final OpenViews views = new OpenViews();
    /** An unmodifiable copy of {@link #leaseTtls} shared by the snapshots taken since it last changed; null when stale. */
    private SortedMap<Long, Long> frozenLeases;
    private java.util.function.LongConsumer onRevision = rev -> { };
    private Runnable onRestore = () -> { };
    /** The last compaction's revision, 0 before the first (ranges at or above it answer). */
    private long compactRevision;
    /** Lease id → TTL in nanoseconds. */
    private final SortedMap<Long, Long> leaseTtls = new TreeMap<>();
    /** Lease id → keys attached. */
    private final SortedMap<Long, SortedSet<String>> leaseKeys = new TreeMap<>();
    private long revision = 1;

    /** The store revision: 1 for an empty store, as in etcd. */
    public long revision() {
        return revision;
    }

    public KvResult apply(KvCommand command) {
        if (command instanceof KvCommand.Alarm a) {
            return new KvResult.AlarmResult(revision, noSpaceAlarms.apply(a));
        }
        if (noSpaceAlarms.refuses(command)) {
            return new KvResult.Rejected(revision, NO_SPACE);
        }
        if (command instanceof KvCommand.Txn t) {
            return applyTxn(t);
        }
        if (command instanceof KvCommand.LeaseGrant g) {
            return grant(g);
        }
        if (command instanceof KvCommand.LeaseRevoke r) {
            return revoke(r.leaseId());
        }
        if (command instanceof KvCommand.Compact c) {
            return compact(c.revision());
        }
        return applyWrites(List.of(command)).get(0); // Put or Delete
    }

    /**
     * Keys in {@code [key, rangeEnd)} (just {@code key} when {@code rangeEnd} is empty; nothing
     * when {@code rangeEnd} sorts before {@code key}), up to {@code limit} (0 = all).
     */
    public KvResult.RangeResult range(String key, String rangeEnd, int limit) {
        List<KeyValue> out = new ArrayList<>();
        if (rangeEnd.isEmpty()) {
            KeyValue kv = data.get(key);
            if (kv != null) {
                out.add(kv);
            }
        } else if (rangeEnd.compareTo(key) > 0) {
            data.addRange(key, rangeEnd, limit, out);
        }
        return new KvResult.RangeResult(revision, out);
    }

    /**
     * A range as of {@code atRevision} (0: the current revision): a {@link KvResult.RangeResult}
     * whose header revision is the current one, as etcd's, or a {@link KvResult.Rejected} with
     * {@value #COMPACTED} below the compaction revision or {@value #FUTURE_REVISION} above the current.
     */
    public KvResult rangeAt(String key, String rangeEnd, int limit, long atRevision) {
        if (atRevision <= 0 || atRevision == revision) {
            return range(key, rangeEnd, limit);
        }
        if (atRevision > revision) {
            return new KvResult.Rejected(revision, FUTURE_REVISION);
        }
        if (atRevision < compactRevision) {
            return new KvResult.Rejected(revision, COMPACTED);
        }
        return new KvResult.RangeResult(revision, history.range(key, rangeEnd, atRevision, limit));
    }

    /**
     * The changes of revisions {@code from..to} (both inclusive), in revision order and, within a
     * revision, in the order its command made them (etcd's sub-revision order; see {@code EventLog});
     * only revisions at or above the compaction revision are kept. Costs O(log n + events returned).
     */
    public List<WatchEvent> eventsBetween(long from, long to) {
        return events.between(Math.max(from, compactRevision), to);
    }

    /** Calls {@code listener} with each new revision right after the command that made it (the watchable store's notify). */
    public void onRevision(java.util.function.LongConsumer listener) {
        this.onRevision = listener;
    }

    /** Calls {@code listener} after each snapshot restore. */
    public void onRestore(Runnable listener) {
        this.onRestore = listener;
    }

    /** The revision of the last compaction, 0 before any. */
    public long compactRevision() {
        return compactRevision;
    }

    /** Key versions held in the history, tombstones included (etcd's key-bucket records). */
    public long versionCount() {
        return history.versionCount();
    }

    /** Bytes of the history's records in etcd's key bucket (see {@code MvccHistory.bytesOf}). */
    public long historyBytes() {
        return history.recordBytes();
    }

    public KeyValue get(String key) {
        return data.get(key);
    }

    public int size() {
        return data.size();
    }

    /** Lease ids with their TTLs in nanoseconds. */
    public SortedMap<Long, Long> leases() {
        return Collections.unmodifiableSortedMap(leaseTtls);
    }

    /** Keys attached to {@code leaseId}. */
    public SortedSet<String> keysOfLease(long leaseId) {
        SortedSet<String> keys = leaseKeys.get(leaseId);
        return keys == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(keys);
    }

    /** A 64-bit digest of the whole state; equal states have equal digests. */
    public long digest() {
        return KvDigest.of(frozenState());
    }

    private KvResult applyTxn(KvCommand.Txn txn) {
        boolean ok = true;
        for (Compare c : txn.compares()) {
            if (!c.holds(data.get(c.key()))) {
                ok = false;
                break;
            }
        }
        List<KvResult> responses = applyWrites(ok ? txn.success() : txn.failure());
        return new KvResult.TxnResult(revision, ok, responses);
    }

    /** Applies puts and deletes under a single new revision, if any of them changes something. */
    private List<KvResult> applyWrites(List<KvCommand> writes) {
        for (KvCommand w : writes) {
            if (w instanceof KvCommand.Put p && p.leaseId() != 0 && !leaseTtls.containsKey(p.leaseId())) {
                return List.of(new KvResult.Rejected(revision, "etcdserver: requested lease not found"));
            }
        }
        long next = revision + 1;
        boolean changed = false;
        List<KvResult> results = new ArrayList<>(writes.size());
        for (KvCommand w : writes) {
            if (w instanceof KvCommand.Put p) {
                KeyValue prev = data.get(p.key());
                KeyValue kv = prev == null
                        ? new KeyValue(p.key(), p.value(), next, next, 1, p.leaseId())
                        : new KeyValue(p.key(), p.value(), prev.createRevision(), next, prev.version() + 1, p.leaseId());
                if (prev != null && prev.leaseId() != 0) {
                    detach(prev.leaseId(), p.key());
                }
                if (p.leaseId() != 0) {
                    leaseKeys.computeIfAbsent(p.leaseId(), id -> new TreeSet<>()).add(p.key());
                }
                data.put(p.key(), kv);
                change(p.key(), next, kv);
                changed = true;
                results.add(new KvResult.PutResult(next, prev));
            } else if (w instanceof KvCommand.Delete d) {
                long deleted = deleteRange(d.key(), d.rangeEnd(), next);
                changed |= deleted > 0;
                results.add(new KvResult.DeleteResult(next, deleted));
            }
        }
        if (changed) {
            revision = next;
            onRevision.accept(revision);
        } else {
            // nothing changed: report the unchanged revision, as etcd does
            List<KvResult> unchanged = new ArrayList<>(results.size());
            for (KvResult r : results) {
                unchanged.add(r instanceof KvResult.DeleteResult d ? new KvResult.DeleteResult(revision, d.deleted()) : r);
            }
            return unchanged;
        }
        return results;
    }

    private long deleteRange(String key, String rangeEnd, long tombstoneRevision) {
        List<String> victims = new ArrayList<>();
        if (rangeEnd.isEmpty()) {
            if (data.contains(key)) {
                victims.add(key);
            }
        } else if (rangeEnd.compareTo(key) > 0) {
            data.addKeys(key, rangeEnd, victims);
        }
        for (String k : victims) {
            KeyValue kv = data.remove(k);
            change(k, tombstoneRevision, null);
            if (kv.leaseId() != 0) {
                detach(kv.leaseId(), k);
            }
        }
        return victims.size();
    }

    /**
     * Records a change of {@code key} at {@code rev} ({@code kv}, or a delete when null) in the history
     * and in the event log, where a second change of a key by one command replaces its first.
     */
    private void change(String key, long rev, KeyValue kv) {
        WatchEvent event = kv == null ? WatchEvent.delete(key, rev) : WatchEvent.put(kv);
        if (history.record(key, rev, kv)) {
            events.replace(rev, event);
        } else {
            events.add(rev, event);
        }
    }

    private void detach(long leaseId, String key) {
        SortedSet<String> keys = leaseKeys.get(leaseId);
        if (keys != null) {
            keys.remove(key);
        }
    }

    private KvResult grant(KvCommand.LeaseGrant g) {
        if (leaseTtls.containsKey(g.leaseId())) {
            return new KvResult.Rejected(revision, "etcdserver: lease already exists");
        }
        leaseTtls.put(g.leaseId(), g.ttlNanos());
        leaseKeys.put(g.leaseId(), new TreeSet<>());
        frozenLeases = null;
        return new KvResult.LeaseGrantResult(revision, g.leaseId(), g.ttlNanos());
    }

    private KvResult revoke(long leaseId) {
        if (!leaseTtls.containsKey(leaseId)) {
            return new KvResult.Rejected(revision, "etcdserver: requested lease not found");
        }
        List<String> keys = new ArrayList<>(leaseKeys.getOrDefault(leaseId, Collections.emptySortedSet()));
        leaseTtls.remove(leaseId);
        leaseKeys.remove(leaseId);
        frozenLeases = null;
        if (!keys.isEmpty()) {
            revision++;
            for (String k : keys) {
                data.remove(k);
                change(k, revision, null);
            }
            onRevision.accept(revision);
        }
        return new KvResult.LeaseRevokeResult(revision, leaseId, keys.size());
    }

    /**
     * Compacts the history at {@code rev} (etcd's {@code kvstore.compact}; the revision does not
     * advance). Fails as etcd's {@code updateCompactRev} does: at or below the last compaction
     * with {@value #COMPACTED}, above the current revision with {@value #FUTURE_REVISION}.
     */
    private KvResult compact(long rev) {
        if (rev <= compactRevision) {
            return new KvResult.Rejected(revision, COMPACTED);
        }
        if (rev > revision) {
            return new KvResult.Rejected(revision, FUTURE_REVISION);
        }
        views.detachAll(history); // the compaction drops versions they read
        compactRevision = rev;
        long dropped = history.compact(rev);
        return new KvResult.CompactResult(revision, rev, dropped);
    }

    /** Members whose NOSPACE alarm is raised, in id order. */
    public SortedSet<Integer> noSpaceAlarms() {
        return noSpaceAlarms.members();
    }

    /** Replaces the alarms (snapshot restore). */
    void restoreAlarms(List<Integer> alarmed) {
        noSpaceAlarms.restore(alarmed);
    }

    /**
     * Starts replacing the whole state (snapshot restore, as {@link KvCodec} wrote it): clears it (the
     * history by a new one, so that views taken before stay exact) and takes the revisions and leases; the older versions follow through {@link #restoreOlderVersion}
     * (key by key, in increasing mod revision), then {@link #finishRestore} adds the current ones.
     * Streaming them keeps a week of history from being held twice while it is restored.
     */
    void beginRestore(long newRevision, long newCompactRevision, SortedMap<Long, Long> ttls) {
        data.clear();
        leaseTtls.clear();
        leaseKeys.clear();
        frozenLeases = null;
        views.leaveAll(); // they read the history being replaced, which nothing changes from now on
        history = new MvccHistory();
        events = new EventLog(history);
        revision = newRevision;
        compactRevision = newCompactRevision;
        leaseTtls.putAll(ttls);
        for (Long id : ttls.keySet()) {
            leaseKeys.put(id, new TreeSet<>());
        }
    }

    /** One version older than its key's current one (see {@link #beginRestore}). */
    void restoreOlderVersion(String key, MvccHistory.Version version) {
        history.append(key, version);
    }

    /** Ends a restore with the live key-values, each its key's newest version (see {@link #beginRestore}). */
    void finishRestore(List<KeyValue> kvs) {
        for (KeyValue kv : kvs) {
            data.put(kv.key(), kv);
            if (kv.leaseId() != 0) {
                leaseKeys.computeIfAbsent(kv.leaseId(), id -> new TreeSet<>()).add(kv.key());
            }
            history.append(kv.key(), new MvccHistory.Version(kv.modRevision(), kv));
        }
        history.endRestore(compactRevision);
        onRestore.run();
    }

    /**
     * A snapshot of the state now, in constant time: a view of the history at the current revision (later
     * writes are appended above it and do not show), with the leases and alarms copied. It is encoded
     * only if its bytes are needed; before a compaction would drop what it reads, it moves to a copy ({@link KvSnapshot}).
     * A restore into this store leaves it exact (the restored state gets a history of its own).
     */
    public KvSnapshot freeze() {
        KvSnapshot view = new KvSnapshot(frozenState(), views);
        views.add(view);
        return view;
    }

    /** Views taken by {@link #freeze()} that still read this store's history (neither encoded nor released). */
    public int openSnapshotViews() {
        return views.size();
    }

    /** The state now, by reference (see {@link FrozenState}). */
    FrozenState frozenState() {
        if (frozenLeases == null) {
            frozenLeases = Collections.unmodifiableSortedMap(new TreeMap<>(leaseTtls));
        }
        return new FrozenState(history, revision, compactRevision, frozenLeases, List.copyOf(noSpaceAlarms.members()));
    }
}
