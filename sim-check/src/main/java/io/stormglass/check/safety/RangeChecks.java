package io.stormglass.check.safety;

import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvStore;
import java.util.List;

/**
 * Ranges at a past revision, checked against the {@link CommittedRevisions}
 * ({@link Invariant#RANGE_AT_REVISION}): the answer is the key's committed value at that revision, or
 * etcd's compaction error when a committed compaction above that revision removed it; a linearizable
 * range never calls a revision the client had already seen a future one.
 */
final class RangeChecks {
    private final Violations violations;
    private final CommittedRevisions committed;
    private long checked;

    RangeChecks(Violations violations, CommittedRevisions committed) {
        this.violations = violations;
        this.committed = committed;
    }

    long checked() {
        return checked;
    }

    /**
     * A client's range of {@code key} at {@code revision} (one the client had seen before it asked)
     * returned {@code kvs} (when {@code error} is null) or failed with {@code error}.
     */
    void rangeAtRevision(int client, String key, long revision, boolean linearizable, List<KeyValue> kvs, String error) {
        if (committed.incomplete()) {
            return;
        }
        String what = "client " + client + "'s " + (linearizable ? "linearizable" : "serializable") + " range of \"" + key
                + "\" at revision " + revision;
        if (error == null) {
            checked++;
            if (revision > committed.revision()) {
                fail(what + " returned data, but revision " + revision + " was never committed (newest " + committed.revision() + ")");
                return;
            }
            KeyValue want = committed.valueAt(key, revision);
            KeyValue got = kvs.isEmpty() ? null : kvs.get(0);
            if (kvs.size() > 1 || (want == null ? got != null : !want.equals(got))) {
                fail(what + " returned " + text(got) + (kvs.size() > 1 ? " and more" : "") + " where the committed value was "
                        + text(want));
            }
        } else if (KvStore.COMPACTED.equals(error)) {
            checked++;
            if (committed.newestCompaction() <= revision) {
                fail(what + " failed as compacted, but no committed compaction is above it (newest at "
                        + committed.newestCompaction() + ")");
            }
        } else if (KvStore.FUTURE_REVISION.equals(error) && linearizable) {
            checked++;
            fail(what + " failed as a future revision, though the client had seen that revision committed");
        }
    }

    private static String text(KeyValue kv) {
        return kv == null ? "nothing" : EntryText.value(kv.value()) + " (mod revision " + kv.modRevision() + ", version "
                + kv.version() + ")";
    }

    private void fail(String explanation) {
        violations.add(Invariant.RANGE_AT_REVISION, List.of(), explanation);
    }
}
