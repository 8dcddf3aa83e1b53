package io.stormglass.raft.kv;

import java.util.List;
import java.util.SortedMap;

/**
 * What a snapshot of a {@link KvStore} holds, by reference: its history (read at or before
 * {@code revision} only), the revisions, and copies of the leases and alarms (few, and changed in
 * place by the store). {@link KvCodec#encodeSnapshot(FrozenState)} writes it in the snapshot encoding.
 *
 * @param history         the store's history object at the time; exact while no compaction ran on it
 * @param revision        the store revision at the time
 * @param compactRevision the last compaction's revision at the time (0 before any)
 * @param leases          lease id → TTL in nanoseconds, unmodifiable
 * @param alarms          members with a NOSPACE alarm, in id order
 */
record FrozenState(MvccHistory history, long revision, long compactRevision, SortedMap<Long, Long> leases,
        List<Integer> alarms) {
    FrozenState {
        alarms = List.copyOf(alarms);
    }
}
