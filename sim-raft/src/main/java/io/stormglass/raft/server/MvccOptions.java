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
 * @param pageCacheBytes            memory the member's machine has for the page cache of the database file: its RAM
 *                                  less etcd's heap and the other processes' memory. 0 (the default) means the whole
 *                                  database is cached, which is what etcd arranges when memory allows: it maps the file
 *                                  with {@code MAP_POPULATE}, reading it all at start (server/storage/backend/config_linux.go),
 *                                  and etcd's hardware guide sizes memory above the data set ("an etcd server will
 *                                  aggressively cache key-value data", 8 GB typical, 16–64 GB for heavy deployments,
 *                                  https://etcd.io/docs/v3.5/op-guide/hardware/#memory). When the in-use pages do not
 *                                  fit, a defragmentation reads the pages beyond it from the data disk: one random
 *                                  4 KiB page per fault, since bbolt maps the file with {@code MADV_RANDOM}
 *                                  (bbolt's bolt_unix.go), at queue depth one (the copy is one goroutine)
 */
public record MvccOptions(AutoCompactionMode autoCompactionMode, long autoCompactionRetention, long quotaBackendBytes,
        long preloadInUseBytes, long preloadFreeBytes, long preloadRecordBytes, long pageCacheBytes) {
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
                || preloadRecordBytes <= 0 || pageCacheBytes < 0) {
            throw new IllegalArgumentException("invalid MVCC options");
        }
    }

    /** Options without a page-cache limit (the database is cached). */
    public MvccOptions(AutoCompactionMode autoCompactionMode, long autoCompactionRetention, long quotaBackendBytes,
            long preloadInUseBytes, long preloadFreeBytes, long preloadRecordBytes) {
        this(autoCompactionMode, autoCompactionRetention, quotaBackendBytes, preloadInUseBytes, preloadFreeBytes, preloadRecordBytes, 0);
    }

    /** etcd's defaults: no auto-compaction, a 2 GiB quota, an empty database, all of it cached. */
    public static MvccOptions defaults() {
        return new MvccOptions(AutoCompactionMode.PERIODIC, 0, 0, 0, 0, 1024, 0);
    }

    /** The quota in force in bytes, {@link Long#MAX_VALUE} when disabled. */
    public long effectiveQuotaBytes() {
        return quotaBackendBytes == 0 ? DEFAULT_QUOTA_BYTES : quotaBackendBytes < 0 ? Long.MAX_VALUE : quotaBackendBytes;
    }
}
