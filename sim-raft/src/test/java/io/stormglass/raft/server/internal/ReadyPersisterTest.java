package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.raft.Ready;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;
import io.stormglass.raft.wal.WalContext;
import io.stormglass.raft.wal.WalOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Ready that installs a snapshot and appends after it must leave, at every instant a crash can
 * tear it, a WAL that boots: the tear keeps some prefix of what was written since the last sync.
 */
class ReadyPersisterTest {
    private static final List<Long> VOTERS = List.of(1L, 2L, 3L);
    private static final long SNAPSHOT_INDEX = 30;

    /** One member's disks, with a WAL holding entries 1–10 (commit 10, synced). */
    private static final class Member {
        final Simulation sim = new Simulation();
        final SimFileSystem fs = new SimFileSystem(sim, new InstantBlockDevice(sim, "instant"),
                new RandomStreams(1).stream("fs"), "n1");
        final WalContext wal = new WalContext(sim, fs, "n1/wal", new WalOptions(64 * 1024), nanos -> { });
        final Snapshotter snapshotter = new Snapshotter(sim, fs, "n1/snap");
        final ReadyPersister persister;
        final String tailPath;

        Member() {
            List<Object> created = new ArrayList<>();
            Wal w = Wal.create(wal, "member=1".getBytes(StandardCharsets.UTF_8), created::add);
            sim.run();
            assertEquals(1, created.size());
            persister = new ReadyPersister(1, w, snapshotter, new MemoryStorage(VOTERS), new MemberObserver() { });
            persist(ready(new HardState(1, 1, 10), entries(1, 10), null));
            tailPath = w.segmentPaths().get(w.segmentPaths().size() - 1);
        }

        void persist(Ready rd) {
            Completion<IoStatus> done = persister.persist(rd);
            sim.run();
            assertTrue(done.isDone() && done.value().isOk(), "persisted");
            persister.stored(rd);
        }

        DataFile tail() {
            return fs.openExisting(tailPath).orElseThrow();
        }
    }

    private static List<Entry> entries(long from, long to) {
        List<Entry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(Entry.normal(1, i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static Ready ready(HardState state, List<Entry> entries, Snapshot snapshot) {
        return new Ready(null, state, entries, snapshot, List.of(), List.of(), List.of(), List.of(), true);
    }

    private static Snapshot snapshotAt30() {
        return new Snapshot(new SnapshotMetadata(SNAPSHOT_INDEX, 1, ConfState.ofVoters(VOTERS)),
                "state@30".getBytes(StandardCharsets.UTF_8));
    }

    /** The leader's snapshot at 30 and the entries 31–33 it sent right after, taken in one Ready. */
    private static Ready installAndAppend() {
        return ready(new HardState(1, 1, 32), entries(31, 33), snapshotAt30());
    }

    @Test
    void everyTearOfASnapshotInstallWithEntriesLeavesAWalThatBoots() throws Exception {
        Member whole = new Member();
        long before = whole.tail().sizeBytes();
        whole.persist(installAndAppend());
        long after = whole.tail().sizeBytes();
        Recovery.Booted full = Recovery.boot(whole.wal, whole.snapshotter, ConfState.ofVoters(VOTERS), 1, r -> { });
        assertEquals(SNAPSHOT_INDEX, full.snapshot().index());
        assertEquals(33, full.storage().lastIndex());

        int tears = 0;
        for (long cut = before; cut < after; cut++) {
            Member m = new Member();
            m.persist(installAndAppend());
            assertTrue(m.tail().truncate(cut).isOk());
            try {
                Recovery.boot(m.wal, m.snapshotter, ConfState.ofVoters(VOTERS), 1, r -> { });
            } catch (Recovery.BootFailure e) {
                fail("a tear at byte " + cut + " of " + after + " leaves a WAL that cannot boot: " + e.getMessage());
            }
            tears++;
        }
        assertTrue(tears > 100, "tore at " + tears + " offsets");
    }

    /**
     * A Ready that installs a snapshot and carries nothing else Raft would sync (no entries; only the commit
     * moves, so {@code mustSync} is false) is synced all the same: once the member has answered, the leader
     * counts it at the snapshot's index, and a power loss that took the unsynced commit would boot it from the
     * older state below it (etcd #10219: "tocommit(30) is out of range [lastIndex(10)]"). Mutation 28 drops
     * that sync.
     */
    @Test
    void aSnapshotInstallThatRaftWouldNotSyncSurvivesAPowerLoss() throws Exception {
        Member m = new Member();
        m.persist(new Ready(null, new HardState(1, 1, SNAPSHOT_INDEX), List.of(), snapshotAt30(), List.of(), List.of(), List.of(),
                List.of(), false));
        m.fs.crash(CrashMode.DROP_UNSYNCED);
        Recovery.Booted booted = Recovery.boot(m.wal, m.snapshotter, ConfState.ofVoters(VOTERS), 1, r -> { });
        assertEquals(SNAPSHOT_INDEX, booted.snapshot().index(), "the installed snapshot is what the member boots from");
        assertTrue(booted.storage().lastIndex() >= SNAPSHOT_INDEX, "lastIndex " + booted.storage().lastIndex());
    }
}
