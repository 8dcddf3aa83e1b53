package io.stormglass.raft.storage;

/**
 * Why a {@link Storage} could not answer. The subclasses mirror etcd-io/raft's storage errors, which
 * callers distinguish: a compacted index is answered with a snapshot, an unavailable one is a bug.
 */
public abstract sealed class StorageException extends RuntimeException
        permits StorageException.Compacted, StorageException.Unavailable,
        StorageException.SnapshotOutOfDate, StorageException.SnapshotTemporarilyUnavailable {
    private static final long serialVersionUID = 1L;

    StorageException(String message) {
        super(message, null, false, false);
    }

    /** etcd's {@code ErrCompacted}: the index lies before the first index still in the log. */
    public static final class Compacted extends StorageException {
        private static final long serialVersionUID = 1L;

        public Compacted(long index, long firstIndex) {
            super("requested index " + index + " is unavailable due to compaction (first index " + firstIndex + ")");
        }
    }

    /** etcd's {@code ErrUnavailable}: the index lies beyond the last index in the log. */
    public static final class Unavailable extends StorageException {
        private static final long serialVersionUID = 1L;

        public Unavailable(long index, long lastIndex) {
            super("requested entry at index " + index + " is unavailable (last index " + lastIndex + ")");
        }
    }

    /** etcd's {@code ErrSnapOutOfDate}: a snapshot older than the current one was offered. */
    public static final class SnapshotOutOfDate extends StorageException {
        private static final long serialVersionUID = 1L;

        public SnapshotOutOfDate(long offered, long current) {
            super("requested snapshot index " + offered + " is older than the existing snapshot " + current);
        }
    }

    /** etcd's {@code ErrSnapshotTemporarilyUnavailable}: the application is still producing one. */
    public static final class SnapshotTemporarilyUnavailable extends StorageException {
        private static final long serialVersionUID = 1L;

        public SnapshotTemporarilyUnavailable() {
            super("snapshot is temporarily unavailable");
        }
    }
}
