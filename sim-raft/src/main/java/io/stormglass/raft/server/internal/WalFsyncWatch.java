package io.stormglass.raft.server.internal;

import io.stormglass.raft.server.MemberConfig;

/**
 * Every WAL fdatasync's duration goes to {@code etcd_disk_wal_fsync_duration_seconds}; one over a
 * second logs etcd's {@code slow fdatasync} warning and counts in the slow-fdatasync counter.
 */
final class WalFsyncWatch {
    private final MemberLog log;
    private final MemberMetrics metrics;

    WalFsyncWatch(MemberLog log, MemberMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    void onFsync(long nanos) {
        metrics.walFsync.record(nanos);
        if (nanos > MemberConfig.SLOW_FDATASYNC_NANOS) {
            metrics.slowFdatasyncs.increment();
            log.warn("slow fdatasync", nanos, "took", GoDuration.format(nanos),
                    "expected-duration", GoDuration.format(MemberConfig.SLOW_FDATASYNC_NANOS));
        }
    }
}
