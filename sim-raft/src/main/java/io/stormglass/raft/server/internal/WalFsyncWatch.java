package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Clock;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberObserver;

/**
 * Every WAL fdatasync's duration goes to {@code etcd_disk_wal_fsync_duration_seconds}; one over a
 * second logs etcd's {@code slow fdatasync} warning and counts in the slow-fdatasync counter. The
 * {@link MemberObserver} hears each one with its start and end.
 */
final class WalFsyncWatch {
    private final MemberLog log;
    private final MemberMetrics metrics;
    private final Clock clock;
    private final MemberObserver observer;
    private final int member;

    WalFsyncWatch(MemberLog log, MemberMetrics metrics, Clock clock, MemberObserver observer, int member) {
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
        this.observer = observer;
        this.member = member;
    }

    /** An fdatasync that took {@code nanos} ended now. */
    void onFsync(long nanos) {
        metrics.walFsync.record(nanos);
        long now = clock.nowNanos();
        observer.walSynced(member, now - nanos, now);
        if (nanos > MemberConfig.SLOW_FDATASYNC_NANOS) {
            metrics.slowFdatasyncs.increment();
            log.warn("slow fdatasync", nanos, "took", GoDuration.format(nanos),
                    "expected-duration", GoDuration.format(MemberConfig.SLOW_FDATASYNC_NANOS));
        }
    }
}
