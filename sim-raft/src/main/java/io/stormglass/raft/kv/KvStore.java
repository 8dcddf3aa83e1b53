package io.stormglass.raft.kv;

import io.stormglass.engine.event.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replicated key-value state machine, with etcd's revision rules: every applied command that
 * changes a key advances the store revision by one (a transaction by one in all), a delete that
 * finds nothing and a lease grant do not. Only the current value of each key is kept (no MVCC
 * history), which is all that reads at the current revision need.
 *
 * <p>Deterministic and single-threaded: members that apply the same commands in the same order
 * end in identical states, which the state-machine-safety checker compares through
 * {@link #digest()}.
 */
public final class KvStore {
    private final NavigableMap<String, KeyValue> data = new TreeMap<>();
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
        if (command instanceof KvCommand.Txn t) {
            return applyTxn(t);
        }
        if (command instanceof KvCommand.LeaseGrant g) {
            return grant(g);
        }
        if (command instanceof KvCommand.LeaseRevoke r) {
            return revoke(r.leaseId());
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
            for (KeyValue kv : data.subMap(key, true, rangeEnd, false).values()) {
                out.add(kv);
                if (limit > 0 && out.size() == limit) {
                    break;
                }
            }
        }
        return new KvResult.RangeResult(revision, out);
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
        long h = 0x6a09e667f3bcc908L ^ revision;
        for (KeyValue kv : data.values()) {
            h = mix(h, Hashing.fnv1a64(kv.key()));
            h = mix(h, Hashing.fnv1a64(kv.value()));
            h = mix(h, kv.createRevision());
            h = mix(h, kv.modRevision());
            h = mix(h, kv.version());
            h = mix(h, kv.leaseId());
        }
        for (Map.Entry<Long, Long> lease : leaseTtls.entrySet()) {
            h = mix(h, lease.getKey());
            h = mix(h, lease.getValue());
        }
        return h;
    }

    private static long mix(long h, long v) {
        return Long.rotateLeft((h ^ v) * 0x9e3779b97f4a7c15L, 31);
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
                changed = true;
                results.add(new KvResult.PutResult(next, prev));
            } else if (w instanceof KvCommand.Delete d) {
                long deleted = deleteRange(d.key(), d.rangeEnd());
                changed |= deleted > 0;
                results.add(new KvResult.DeleteResult(next, deleted));
            }
        }
        if (changed) {
            revision = next;
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

    private long deleteRange(String key, String rangeEnd) {
        List<String> victims = new ArrayList<>();
        if (rangeEnd.isEmpty()) {
            if (data.containsKey(key)) {
                victims.add(key);
            }
        } else if (rangeEnd.compareTo(key) > 0) {
            victims.addAll(data.subMap(key, true, rangeEnd, false).keySet());
        }
        for (String k : victims) {
            KeyValue kv = data.remove(k);
            if (kv.leaseId() != 0) {
                detach(kv.leaseId(), k);
            }
        }
        return victims.size();
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
        return new KvResult.LeaseGrantResult(revision, g.leaseId(), g.ttlNanos());
    }

    private KvResult revoke(long leaseId) {
        if (!leaseTtls.containsKey(leaseId)) {
            return new KvResult.Rejected(revision, "etcdserver: requested lease not found");
        }
        List<String> keys = new ArrayList<>(leaseKeys.getOrDefault(leaseId, Collections.emptySortedSet()));
        leaseTtls.remove(leaseId);
        leaseKeys.remove(leaseId);
        if (!keys.isEmpty()) {
            revision++;
            for (String k : keys) {
                data.remove(k);
            }
        }
        return new KvResult.LeaseRevokeResult(revision, leaseId, keys.size());
    }

    /** Replaces the whole state (snapshot restore). */
    void restore(long newRevision, List<KeyValue> kvs, SortedMap<Long, Long> ttls) {
        data.clear();
        leaseTtls.clear();
        leaseKeys.clear();
        revision = newRevision;
        leaseTtls.putAll(ttls);
        for (Long id : ttls.keySet()) {
            leaseKeys.put(id, new TreeSet<>());
        }
        for (KeyValue kv : kvs) {
            data.put(kv.key(), kv);
            if (kv.leaseId() != 0) {
                leaseKeys.computeIfAbsent(kv.leaseId(), id -> new TreeSet<>()).add(kv.key());
            }
        }
    }

    /** All key-values in key order (for snapshots). */
    List<KeyValue> allKeyValues() {
        return new ArrayList<>(data.values());
    }
}
