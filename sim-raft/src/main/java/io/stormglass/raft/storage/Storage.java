package io.stormglass.raft.storage;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import java.util.List;

/**
 * Read-only view of what is stable (persisted) for one member, in the manner of etcd-io/raft's
 * {@code Storage}. The core reads from it and never writes to it: the application appends entries
 * and sets the hard state after each {@code Ready} is persisted. Index {@code firstIndex() - 1} is
 * the last index covered by the snapshot; its term stays available through {@link #term(long)}.
 */
public interface Storage {
    /** The persisted hard state and the configuration of the latest snapshot. */
    InitialState initialState();

    /**
     * Entries in {@code [lo, hi)}, at least one if any exist, then as many as fit in
     * {@code maxSizeBytes} (sum of {@link Entry#sizeBytes()}).
     *
     * @throws StorageException.Compacted if {@code lo <= firstIndex() - 1}
     * @throws StorageException.Unavailable if the log holds only the snapshot marker
     */
    List<Entry> entries(long lo, long hi, long maxSizeBytes);

    /**
     * The term of entry {@code index}, for {@code index} in {@code [firstIndex() - 1, lastIndex()]}.
     *
     * @throws StorageException.Compacted below that range
     * @throws StorageException.Unavailable above it
     */
    long term(long index);

    /** Index of the first entry that may still be read (one past the snapshot). */
    long firstIndex();

    /** Index of the last stable entry. */
    long lastIndex();

    /**
     * The most recent snapshot.
     *
     * @throws StorageException.SnapshotTemporarilyUnavailable if the application is still making it
     */
    Snapshot snapshot();
}
