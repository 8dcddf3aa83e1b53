package io.stormglass.raft.server;

/**
 * A member's MVCC-history and backend-space settings, under etcd's flag names.
 *
 * @param autoCompactionMode        {@code --auto-compaction-mode} (etcd default {@code periodic}); see
 *                                  server/etcdserver/api/v3compactor/{periodic,revision}.go
 * @param autoCompactionRetention   {@code --auto-compaction-retention}: for {@code periodic} a duration in
 *                                  nanoseconds (the compactor records the revision every tenth of it, at most
 *                                  every hour, and compacts at the revision of one retention ago); for
 *                                  {@code revision} a number of revisions to keep (checked every 5 minutes).
 *                                  0 (etcd's default) turns auto-compaction off
 * @param quotaBackendBytes         {@code --quota-backend-bytes}: the database file size past which writes are
 *                                  refused and the {@code NOSPACE} alarm raised. 0 means etcd's default,
 *                                  {@value #DEFAULT_QUOTA_BYTES} (2 GiB, {@code storage.DefaultQuotaBytes}); a
 *                                  negative value disables the quota, as in etcd (server/storage/quota.go);
 *                                  etcd warns above {@value #MAX_QUOTA_BYTES} (8 GiB, {@code MaxQuotaBytes})
 * @param preloadInUseBytes         in-use bytes (pages) of the database when the run starts, holding keys
 *                                  the workload never touches: accounted (size, defrag time), not held
 * @param preloadFreeBytes          free pages in the database file at the start (history compacted before the
 *                                  run but never defragmented): the file is {@code in-use + free} bytes
 * @param preloadRecordBytes        average size of one preloaded record (how many records a defrag copies:
 *                                  it commits every {@value #DEFRAG_LIMIT} of them)
 */
public record MvccOptions(AutoCompactionMode autoCompactionMode, long autoCompactionRetention, long quotaBackendBytes,
        long preloadInUseBytes, long preloadFreeBytes, long preloadRecordBytes) {
    /** etcd's {@code storage.DefaultQuotaBytes}. */
    public static final long DEFAULT_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;
    /** etcd's {@code storage.MaxQuotaBytes}: larger quotas are allowed but warned about. */
    public static final long MAX_QUOTA_BYTES = 8L * 1024 * 1024 * 1024;
    /** etcd's {@code defragLimit} (server/storage/backend/backend.go): records copied per commit of the new file. */
    public static final int DEFRAG_LIMIT = 10_000;

    /** {@code --auto-compaction-mode}. */
    public enum AutoCompactionMode { PERIODIC, REVISION }

    public MvccOptions {
        if (autoCompactionMode == null || autoCompactionRetention < 0 || preloadInUseBytes < 0 || preloadFreeBytes < 0
                || preloadRecordBytes <= 0) {
            throw new IllegalArgumentException("invalid MVCC options");
        }
    }

    /** etcd's defaults: no auto-compaction, a 2 GiB quota, an empty database. */
    public static MvccOptions defaults() {
        return new MvccOptions(AutoCompactionMode.PERIODIC, 0, 0, 0, 0, 1024);
    }

    /** The quota in force in bytes, {@link Long#MAX_VALUE} when disabled. */
    public long effectiveQuotaBytes() {
        return quotaBackendBytes == 0 ? DEFAULT_QUOTA_BYTES : quotaBackendBytes < 0 ? Long.MAX_VALUE : quotaBackendBytes;
    }
}
