package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.SnapshotFile;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;

/**
 * etcd's {@code triggerSnapshot}: every {@code snapshot-count} applied entries, the state machine is
 * saved as a snapshot file, then a snapshot marker goes into the WAL, and only then is the Raft log
 * compacted (keeping {@code snapshot-catch-up-entries} for slow followers) and the WAL released up to
 * it: a crash between the two leaves the previous snapshot and a WAL that still covers it.
 *
 * <p>As etcd's, the file holds the membership ({@link MembershipStoreImage}, a few KB), not the key
 * space: the state the snapshot stands for is a frozen view of the store ({@link KvStore#freeze()},
 * constant time), recorded in the member's {@link SnapshotStates} as etcd's backend database holds it.
 * So a snapshot costs the same at the first hour and the hundredth, with or without compaction.
 */
final class SnapshotSaver {
    private final MemberConfig config;
    private final MemoryStorage storage;
    private final Snapshotter snapshotter;
    private final Wal wal;
    private final MemberLife life;
    private final MemberLog log;
    private final SnapshotStates states;
    private long snapshotIndex;
    private boolean inProgress;

    SnapshotSaver(MemberConfig config, MemoryStorage storage, Snapshotter snapshotter, Wal wal, MemberLife life,
            MemberLog log, SnapshotStates states) {
        this.states = states;
        this.config = config;
        this.storage = storage;
        this.snapshotter = snapshotter;
        this.wal = wal;
        this.life = life;
        this.log = log;
    }

    /**
     * Whether a snapshot is due at {@code appliedIndex} but the Raft storage does not hold that entry yet:
     * the raft loop has not finished persisting the Ready that carried it (a leader applies entries a
     * quorum acknowledged before its own WAL write ends). The apply loop must then wait for that write
     * before {@link #maybeSnapshot}, as etcd's {@code applyAll} waits on the Ready's {@code notifyc}
     * ("or applied index might be greater than the last index in raft storage"), so that the snapshot
     * is labelled with the index of the state it holds.
     */
    boolean mustWaitForStorage(long appliedIndex) {
        return !inProgress && appliedIndex - snapshotIndex > config.snapshotCount() && appliedIndex > storage.lastIndex();
    }

    /** The state machine was restored from a snapshot at {@code index}: count from there. */
    void restoredAt(long index) {
        snapshotIndex = index;
    }

    /**
     * Takes a snapshot of {@code kv}, whose state is that at {@code appliedIndex}, if enough entries were
     * applied since the last and the Raft storage holds that entry, with {@code confState}, the configuration as of {@code appliedIndex}, which the
     * last configuration change applied set at {@code confIndex}: a snapshot below that index would carry a
     * configuration from after it, so it waits.
     */
    void maybeSnapshot(long appliedIndex, KvStore kv, ConfState confState, long confIndex) {
        if (inProgress || appliedIndex - snapshotIndex <= config.snapshotCount()) {
            return;
        }
        // the snapshot holds the state at appliedIndex, so it must be labelled so: a lower label would have a
        // restart apply the entries in between a second time (see mustWaitForStorage)
        long index = appliedIndex;
        if (index > storage.lastIndex() || index <= storage.snapshot().index() || index < confIndex) {
            return;
        }
        inProgress = true;
        byte[] data = MembershipStoreImage.of(confState);
        Snapshot snap = storage.createSnapshot(index, confState, data);
        states.put(snap.term(), snap.index(), kv.freeze());
        SnapshotFile file = new SnapshotFile(snap.term(), snap.index(), confState, data);
        snapshotter.save(file, r -> {
            if (!life.alive()) {
                return;
            }
            if (!r.isOk()) {
                life.fatal("failed to save snapshot", r.status());
                return;
            }
            wal.saveSnapshot(file.marker(), r2 -> {
                if (!life.alive()) {
                    return;
                }
                if (!r2.isOk()) {
                    life.fatal("failed to save snapshot marker", r2.status());
                    return;
                }
                snapshotIndex = index;
                inProgress = false;
                long compactIndex = index - config.snapshotCatchUpEntries();
                if (compactIndex > storage.firstIndex()) {
                    storage.compact(compactIndex);
                }
                wal.releaseLockTo(index);
                snapshotter.purge(5);
                states.retainLoadable(snapshotter);
                log.info("saved snapshot", "snapshot-index", Long.toString(index));
            });
        });
    }
}
