package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.Ready;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.SnapshotFile;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;
import java.util.List;

/**
 * Duty 1 of a {@link Ready} (§5.2, §5.4: a member must not answer before its state is durable):
 * {@link #persist} saves an incoming snapshot (the file, then its WAL marker, then its commit, synced) and
 * then the entries and hard state to the WAL, with an fdatasync when the Ready must sync or installs a snapshot; {@link #stored} makes the same
 * state visible in the Raft storage once that completed.
 */
final class ReadyPersister {
    private final int member;
    private final Wal wal;
    private final Snapshotter snapshotter;
    private final MemoryStorage storage;
    private final MemberObserver observer;

    ReadyPersister(int member, Wal wal, Snapshotter snapshotter, MemoryStorage storage, MemberObserver observer) {
        this.member = member;
        this.wal = wal;
        this.snapshotter = snapshotter;
        this.storage = storage;
        this.observer = observer;
    }

    /** Starts persisting; the completion carries the status of the last write or sync. */
    Completion<IoStatus> persist(Ready rd) {
        Completion<IoStatus> done = new Completion<>();
        observer.persisting(member, rd.hardState(), rd.entries());
        HardState state = rd.hardState() == null ? HardState.EMPTY : rd.hardState();
        // A Ready that installs a snapshot must also sync its hard state, whatever mustSync says: recovery
        // trusts a WAL snapshot marker only up to the durable commit index (etcd's ValidSnapshotEntries),
        // so an unsynced commit would let a crash fall back to an older snapshot while the leader already
        // counts this member at the new index ("tocommit(107) is out of range [lastIndex(84)]", etcd #10219).
        boolean sync = rd.mustSync() || rd.snapshot() != null || commitsConfChange(rd);
        Runnable saveEntries = () -> wal.save(state, rd.entries(), sync,
                r -> done.complete(r.status()));
        if (rd.snapshot() == null) {
            saveEntries.run();
            return done;
        }
        SnapshotFile file = new SnapshotFile(rd.snapshot().term(), rd.snapshot().index(),
                rd.snapshot().metadata().confState(), rd.snapshot().data());
        snapshotter.save(file, r -> {
            if (!r.isOk()) {
                done.complete(r.status());
                return;
            }
            wal.saveSnapshot(file.marker(), r2 -> {
                if (!r2.isOk()) {
                    done.complete(r2.status());
                } else if (rd.entries().isEmpty() || state.isEmpty()) {
                    saveEntries.run();
                } else {
                    // The marker counts at recovery only once a durable commit reaches it. Written in one
                    // batch with the entries after it, a tear could keep those entries and lose that
                    // commit: recovery would then fall back to an older snapshot and find the entries
                    // past a gap it cannot fill (etcd's ErrSliceOutOfRange). So the snapshot's commit
                    // is synced first, on its own, and only then the entries.
                    RaftProbe.SNAPSHOT_COMMIT_SYNCED_FIRST.hit();
                    HardState upToSnapshot = new HardState(state.term(), state.vote(), rd.snapshot().index());
                    wal.save(upToSnapshot, List.of(), true, r3 -> {
                        if (r3.isOk()) {
                            saveEntries.run();
                        } else {
                            done.complete(r3.status());
                        }
                    });
                }
            });
        });
        return done;
    }

    /**
     * Whether {@code rd} commits a configuration change. Such a Ready's hard state is synced, and the
     * {@link RaftLoop} applies its commit and sends it (a leader too) only once it is durable. etcd syncs
     * no Ready that only moves the commit index (etcd-io/raft {@code MustSync}), and with configurations
     * taking effect when applied that can leave a cluster unable to elect: a cluster shrunk to one voter
     * whose survivor loses power before its commit of the last removal reached the disk reboots with the
     * removed member still a voter, and that member has stopped (etcd stops a member that applied its own
     * removal), so no election can succeed. etcd's maintainers know the hazard: etcd-io/raft#300 proposed
     * syncing every commit change (closed unmerged), etcd-io/etcd#20187 bootstrapping from the applied
     * index, and etcd's {@code --force-new-cluster} now restores {@code max(commit, consistent_index)}
     * (server/etcdserver/bootstrap.go). Stormglass syncs only these Readies, so runs without membership
     * changes keep etcd's disk traffic (found by the membership campaign, seeds 570 and 930).
     */
    static boolean commitsConfChange(Ready rd) {
        List<io.stormglass.raft.log.Entry> committed = rd.committedEntries();
        for (int i = 0; i < committed.size(); i++) { // indexed: no iterator per Ready (issue 23)
            if (committed.get(i).type().isConfChange()) {
                return true;
            }
        }
        return false;
    }

    /** After a successful {@link #persist}: the snapshot, hard state and entries enter the Raft storage. */
    void stored(Ready rd) {
        if (rd.snapshot() != null) {
            storage.applySnapshot(rd.snapshot());
            observer.installedSnapshot(member, rd.snapshot().index(), rd.snapshot().term());
        }
        if (rd.hardState() != null) {
            storage.setHardState(rd.hardState());
        }
        storage.append(rd.entries());
        observer.persisted(member, rd.hardState(), rd.entries());
    }
}
