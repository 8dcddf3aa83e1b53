package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.IoResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Crash consistency: random appends, syncs, snapshot markers and purges, a power loss at a random
 * instant, recovery from the newest snapshot whose marker was synced. Recovery must return
 * exactly the replay of a prefix of what was appended that holds every record whose sync
 * completed (payloads compared byte for byte), never an error; the log must keep working after
 * the repair. Run a longer campaign by raising {@code tries} locally (30 000 tries take ~20 s).
 */
class WalCrashProperties {
    private static final EventKind OP = EventKind.named("test.wal.op");
    private static final byte[] META = {4, 2};

    @Property(tries = 1000)
    void recoveryReturnsADurablePrefix(@ForAll long seed, @ForAll CrashMode mode, @ForAll boolean randomLatency) {
        Function<Simulation, BlockDevice> device = randomLatency
                ? s -> new RandomLatencyDevice(s, new SimRandom(seed ^ 0x5DEECE66DL))
                : s -> new InstantBlockDevice(s, "instant");
        SimRandom rng = new SimRandom(seed);
        long segmentBytes = new long[] {4096, 16384, 1 << 20}[rng.nextInt(3)];
        WalTestBed bed = new WalTestBed(seed, segmentBytes, device);
        Workload w = new Workload(rng, bed.create(META));
        int ops = 1 + rng.nextInt(40);
        long at = bed.sim.nowNanos();
        for (int i = 0; i < ops; i++) {
            at += rng.nextLong(3_000_000);
            bed.sim.scheduleAt(at, OP, i, w::step);
        }
        long crashAt = bed.sim.nowNanos() + rng.nextLong(at - bed.sim.nowNanos() + 10_000_000);
        bed.sim.runUntil(crashAt);
        w.crashed = true;
        bed.fs.crash(mode);

        WalOpenResult.Opened r = bed.openOk(w.durableSnapshot);
        assertEquals(new WalMetadata(META), r.metadata());
        int m = w.model.matchingPrefix(r.entries(), r.hardState(), w.durableSnapshot.index());
        assertTrue(m >= 0, "recovered " + r.entries().size() + " entries and " + r.hardState()
                + ", which is no prefix of the " + w.model.appended.size() + " records appended holding the "
                + w.model.syncedRecords + " synced ones (mode " + mode + ", snapshot " + w.durableSnapshot + ")");
        Statistics.label("crash").collect(mode, r.repairedTailBytes() > 0 ? "tail repaired" : "clean end");
        Statistics.label("unsynced records lost").collect(m < w.model.appended.size() ? "some" : "none");
        Statistics.label("segments").collect(Math.min(r.wal().segmentPaths().size(), 5));
        Statistics.label("recovered from").collect(w.durableSnapshot.index() == 0 ? "no snapshot" : "snapshot");

        // the repaired log accepts appends, and a synced one survives the next crash
        long next = w.durableSnapshot.index() + r.entries().size() + 1;
        List<Entry> batch = List.of(Entry.normal(w.term + 1, next, randomBytes(rng, 300)),
                Entry.normal(w.term + 1, next + 1, randomBytes(rng, 5000)));
        HardState hs = new HardState(w.term + 1, 2, next - 1);
        IoResult saved = bed.saveAndWait(r.wal(), hs, batch, true);
        assertTrue(saved.isOk());
        bed.fs.crash(mode);
        WalOpenResult.Opened again = bed.openOk(w.durableSnapshot);
        List<Entry> expected = new ArrayList<>(r.entries());
        expected.addAll(batch);
        assertEquals(expected, again.entries());
        assertEquals(hs, again.hardState());
    }

    /** Drives random saves and snapshots against one WAL and keeps the model in step. */
    private static final class Workload {
        final SimRandom rng;
        final Wal wal;
        final WalModel model = new WalModel();
        boolean crashed;
        long lastIndex;
        long term = 1;
        /** Entries at or below this index are covered by a snapshot and are never rewritten (Raft §7). */
        long snapshotFloor;
        WalSnapshotMarker durableSnapshot = WalSnapshotMarker.ZERO;

        Workload(SimRandom rng, Wal wal) {
            this.rng = rng;
            this.wal = wal;
        }

        void step() {
            if (crashed) {
                return;
            }
            if (lastIndex > snapshotFloor && rng.nextInt(8) == 0) {
                snapshot();
            } else {
                save();
            }
        }

        private void snapshot() {
            long index = snapshotFloor + 1 + rng.nextLong(lastIndex - snapshotFloor);
            WalSnapshotMarker marker = new WalSnapshotMarker(index, model.viewOfAll().termAt(index));
            snapshotFloor = index;
            wal.saveSnapshot(marker, result -> {
                assertTrue(result.isOk(), "snapshot marker failed: " + result);
                if (marker.index() > durableSnapshot.index()) {
                    durableSnapshot = marker;
                }
                wal.releaseLockTo(marker.index());
            });
        }

        private void save() {
            long first = lastIndex + 1;
            if (lastIndex > snapshotFloor && rng.nextInt(10) == 0) {
                // a new leader rewrites an uncommitted suffix
                term++;
                first = Math.max(snapshotFloor + 1, lastIndex - rng.nextInt(4));
            }
            int count = rng.nextInt(5);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(new Entry(term, first + i, EntryType.values()[rng.nextInt(EntryType.values().length)], randomBytes(rng, rng.nextInt(900))));
            }
            if (count > 0) {
                lastIndex = first + count - 1;
            }
            HardState state = rng.nextInt(4) == 0 ? HardState.EMPTY
                    : new HardState(term, rng.nextInt(4), Math.max(0, lastIndex - rng.nextInt(3)));
            boolean mustSync = rng.nextInt(10) < 7;
            int end = model.add(state, entries);
            wal.save(state, entries, mustSync, result -> {
                assertTrue(result.isOk(), "save failed: " + result);
                if (mustSync) {
                    model.syncedRecords = Math.max(model.syncedRecords, end);
                }
            });
        }
    }

    private static byte[] randomBytes(SimRandom rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return b;
    }
}
