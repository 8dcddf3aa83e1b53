package io.stormglass.raft.server.internal;

import io.stormglass.engine.storage.IoCallback;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.SnapshotFile;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;
import io.stormglass.raft.wal.WalContext;
import io.stormglass.raft.wal.WalMarkersResult;
import io.stormglass.raft.wal.WalOpenResult;
import io.stormglass.raft.wal.WalSnapshotMarker;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Boots a member's durable state as etcd's {@code bootstrap}: a fresh WAL when there is none;
 * otherwise the newest snapshot whose marker the WAL holds (etcd's {@code ValidSnapshotEntries}:
 * a snapshot file whose marker never became durable is skipped), then the WAL replayed after it
 * into the Raft storage. The configuration is the snapshot's (etcd keeps it in the snapshot and in the
 * WAL's snapshot marker), not the one the member was first started with. A WAL that cannot be recovered (corruption in the middle) is fatal.
 */
final class Recovery {
    /** What a boot produced: the WAL, the Raft storage, and the snapshot the state machine starts from. */
    record Booted(Wal wal, MemoryStorage storage, Snapshot snapshot, long repairedTailBytes) {
    }

    /** Why a boot failed. */
    static final class BootFailure extends Exception {
        BootFailure(String message) {
            super(message);
        }
    }

    private Recovery() {
    }

    /**
     * @param initial the configuration a member without a snapshot starts from: the initial cluster's
     *                voters (for a member that joins later too, see {@code Incarnation}). A snapshot's own configuration
     *                replaces it; configuration changes in the WAL after the snapshot take effect again
     *                as their entries are applied once more
     */
    static Booted boot(WalContext walCtx, Snapshotter snapshotter, ConfState initial, int member, IoCallback created)
            throws BootFailure {
        MemoryStorage storage = new MemoryStorage(initial);
        if (walCtx.fs().list(walCtx.dir() + "/").stream().noneMatch(p -> p.endsWith(".wal"))) {
            Wal wal = Wal.create(walCtx, ("member=" + member).getBytes(StandardCharsets.UTF_8), created);
            return new Booted(wal, storage, Snapshot.EMPTY, 0);
        }
        WalMarkersResult markers = Wal.validSnapshotMarkers(walCtx);
        if (markers instanceof WalMarkersResult.Failed failed) {
            throw new BootFailure(failed.error().message());
        }
        List<WalSnapshotMarker> valid = ((WalMarkersResult.Found) markers).markers();
        Snapshotter.Load load = snapshotter.loadNewest(m -> valid.stream().anyMatch(m::sameSnapshot));
        WalSnapshotMarker marker = load.snapshot().map(SnapshotFile::marker).orElse(WalSnapshotMarker.ZERO);
        WalOpenResult opened = Wal.open(walCtx, marker);
        if (opened instanceof WalOpenResult.Failed failed) {
            throw new BootFailure(failed.error().message());
        }
        WalOpenResult.Opened ok = (WalOpenResult.Opened) opened;
        Snapshot snapshot = load.snapshot()
                .map(s -> new Snapshot(new SnapshotMetadata(s.index(), s.term(),
                        s.confState().equals(ConfState.EMPTY) ? initial : s.confState()), s.data()))
                .orElse(Snapshot.EMPTY);
        if (!snapshot.isEmpty()) {
            storage.applySnapshot(snapshot);
        }
        if (!ok.hardState().isEmpty()) {
            storage.setHardState(ok.hardState());
        }
        if (!ok.entries().isEmpty()) {
            storage.append(ok.entries());
        }
        return new Booted(ok.wal(), storage, snapshot, ok.repairedTailBytes());
    }
}
