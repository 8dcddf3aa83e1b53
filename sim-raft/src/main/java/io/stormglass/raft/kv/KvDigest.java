package io.stormglass.raft.kv;

import io.stormglass.engine.event.Hashing;
import java.util.Map;

/** A 64-bit digest of a store's whole state (history, revisions, leases, alarms): equal states have equal digests. */
final class KvDigest {
    private KvDigest() {
    }

    static long of(FrozenState state) {
        long[] versions = {mix(0x6a09e667f3bcc908L ^ state.revision(), state.compactRevision())};
        state.history().forEachKeyAt(state.revision(), k -> {
            for (int i = 0; i < k.count(); i++) {
                MvccHistory.Version v = k.version(i);
                versions[0] = mix(mix(versions[0], v.modRevision()), v.tombstone() ? -1 : kv(v.kv()));
            }
        });
        long h = versions[0];
        for (Map.Entry<Long, Long> lease : state.leases().entrySet()) {
            h = mix(h, lease.getKey());
            h = mix(h, lease.getValue());
        }
        for (int alarmed : state.alarms()) {
            h = mix(h, 0x4e4f5350L + alarmed);
        }
        return h;
    }

    private static long kv(KeyValue kv) {
        long h = Hashing.fnv1a64(kv.key());
        h = mix(h, Hashing.fnv1a64(kv.value()));
        h = mix(h, kv.createRevision());
        h = mix(h, kv.modRevision());
        h = mix(h, kv.version());
        return mix(h, kv.leaseId());
    }

    private static long mix(long h, long v) {
        return Long.rotateLeft((h ^ v) * 0x9e3779b97f4a7c15L, 31);
    }
}
