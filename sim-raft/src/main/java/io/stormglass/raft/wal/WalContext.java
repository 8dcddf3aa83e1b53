package io.stormglass.raft.wal;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.storage.FileSystem;
import java.util.function.LongConsumer;

/**
 * Where a WAL lives and whom it tells about its syncs.
 *
 * @param clock              virtual time, for the submitted/completed stamps of save results
 * @param fs                 the file system holding the WAL directory
 * @param dir                directory path without a trailing slash ({@code "n1/wal"}); segments
 *                           are {@code dir + "/" + %016x-%016x.wal}
 * @param options            segment size and friends
 * @param fsyncDurationNanos receives, for every fdatasync the WAL issues (saves, both syncs of a
 *                           segment cut, snapshot markers, segment creation), how long the WAL waited
 *                           for it in nanoseconds, queueing behind a running sync included (what
 *                           etcd times around {@code fdatasync}); called on the simulation loop when
 *                           the sync completes, also when it fails. The member records
 *                           {@code etcd_disk_wal_fsync_duration_seconds} and logs {@code slow fdatasync}
 *                           from it
 */
public record WalContext(Clock clock, FileSystem fs, String dir, WalOptions options, LongConsumer fsyncDurationNanos) {
    public WalContext {
        if (clock == null || fs == null || dir == null || options == null || fsyncDurationNanos == null) {
            throw new IllegalArgumentException("all WAL context fields are required");
        }
        if (dir.isEmpty() || dir.endsWith("/")) {
            throw new IllegalArgumentException("dir must be non-empty without a trailing slash: " + dir);
        }
    }

    /** Path of a file in the WAL directory. */
    public String path(String fileName) {
        return dir + "/" + fileName;
    }
}
