package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.SnapshotFile;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;
import java.util.List;

/**
 * etcd's {@code triggerSnapshot}: every {@code snapshot-count} applied entries, the state machine is
 * saved as a snapshot file, then a snapshot marker goes into the WAL, and only then is the Raft log
 * compacted (keeping {@code snapshot-catch-up-entries} for slow followers) and the WAL released up to
 * it: a crash between the two leaves the previous snapshot and a WAL that still covers it.
 */
final class SnapshotSaver {
    private final MemberConfig config;
    private final MemoryStorage storage;
    private final Snapshotter snapshotter;
    private final Wal wal;
    private final List<Long> voters;
    private final MemberLife life;
    private final MemberLog log;
    private long snapshotIndex;
    private boolean inProgress;

    SnapshotSaver(MemberConfig config, MemoryStorage storage, Snapshotter snapshotter, Wal wal, List<Long> voters,
            MemberLife life, MemberLog log) {
        this.config = config;
        this.storage = storage;
        this.snapshotter = snapshotter;
        this.wal = wal;
        this.voters = List.copyOf(voters);
        this.life = life;
        this.log = log;
    }

    /** The state machine was restored from a snapshot at {@code index}: count from there. */
    void restoredAt(long index) {
        snapshotIndex = index;
    }

    /** Takes a snapshot of {@code kv} if enough entries were applied since the last (only of entries already in the Raft storage). */
    void maybeSnapshot(long appliedIndex, KvStore kv) {
        if (inProgress || appliedIndex - snapshotIndex <= config.snapshotCount()) {
            return;
        }
        long index = Math.min(appliedIndex, storage.lastIndex());
        if (index <= storage.snapshot().index()) {
            return;
        }
        inProgress = true;
        byte[] data = KvCodec.encodeSnapshot(kv);
        Snapshot snap = storage.createSnapshot(index, ConfState.ofVoters(voters), data);
        SnapshotFile file = new SnapshotFile(snap.term(), snap.index(), data);
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
                log.info("saved snapshot", "snapshot-index", Long.toString(index));
            });
        });
    }
}
