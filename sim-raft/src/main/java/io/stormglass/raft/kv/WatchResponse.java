package io.stormglass.raft.kv;

import java.util.List;

/**
 * What a watch stream sends one watcher (etcd's {@code WatchResponse}): events in revision order, a
 * progress notification (no events), or a cancellation, with the compaction revision when the
 * watcher asked for history that compaction removed.
 *
 * @param watchId         the watcher
 * @param headerRevision  the store revision when it was sent
 * @param events          the events, in revision order (empty for a progress notification or a cancellation)
 * @param canceled        the watcher is gone
 * @param compactRevision when canceled for compaction, the revision compacted at (0 otherwise)
 */
public record WatchResponse(long watchId, long headerRevision, List<WatchEvent> events, boolean canceled,
        long compactRevision) {
    public WatchResponse {
        events = List.copyOf(events);
    }

    /** Whether this is a progress notification (etcd: no events, not a cancel, revision only). */
    public boolean progressNotify() {
        return events.isEmpty() && !canceled;
    }
}
