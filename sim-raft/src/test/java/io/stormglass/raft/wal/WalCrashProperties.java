package io.stormglass.raft.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.event.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Crash consistency: random appends and syncs, a power loss at a random instant, recovery.
 * Recovery must return exactly the replay of a prefix of what was appended that holds every
 * record whose sync completed (payloads compared byte for byte), never an error; and the log
 * must keep working after the repair.
 */
class WalCrashProperties {
    private static final EventKind OP = EventKind.named("test.wal.op");
    private static final byte[] META = {4, 2};

    @Property(tries = 400)
    void recoveryReturnsADurablePrefix(@ForAll long seed, @ForAll CrashMode mode, @ForAll boolean randomLatency) {
        Function<Simulation, BlockDevice> device = randomLatency
                ? s -> new RandomLatencyDevice(s, new SimRandom(seed ^ 0x5DEECE66DL))
                : s -> new InstantBlockDevice(s, "instant");
        SimRandom rng = new SimRandom(seed);
        long segmentBytes = new long[] {4096, 16384, 1 << 20}[rng.nextInt(3)];
        WalTestBed bed = new WalTestBed(seed, segmentBytes, device);
        Wal wal = bed.create(META);
        WalModel model = new WalModel();
        boolean[] crashed = {false};
        long[] lastIndex = {0};
        long[] term = {1};
        int ops = 1 + rng.nextInt(40);
        long at = bed.sim.nowNanos();
        for (int i = 0; i < ops; i++) {
            at += rng.nextLong(3_000_000);
            bed.sim.scheduleAt(at, OP, i, () -> {
                if (!crashed[0]) {
                    randomSave(rng, wal, model, lastIndex, term);
                }
            });
        }
        long crashAt = bed.sim.nowNanos() + rng.nextLong(at - bed.sim.nowNanos() + 10_000_000);
        bed.sim.runUntil(crashAt);
        crashed[0] = true;
        bed.fs.crash(mode);

        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        assertEquals(new WalMetadata(META), r.metadata());
        int m = model.matchingPrefix(r.entries(), r.hardState());
        assertTrue(m >= 0, "recovered " + r.entries().size() + " entries and " + r.hardState()
                + ", which is no prefix of the " + model.appended.size() + " records appended holding the "
                + model.syncedRecords + " synced ones (mode " + mode + ")");
        Statistics.label("crash").collect(mode, r.repairedTailBytes() > 0 ? "tail repaired" : "clean end");
        Statistics.label("unsynced records lost").collect(m < model.appended.size() ? "some" : "none");
        Statistics.label("segments").collect(Math.min(r.wal().segmentPaths().size(), 5));

        // the repaired log accepts appends, and a synced one survives the next crash
        long next = r.entries().isEmpty() ? 1 : r.entries().get(r.entries().size() - 1).index() + 1;
        List<WalEntry> batch = List.of(new WalEntry(term[0] + 1, next, 0, randomBytes(rng, 300)),
                new WalEntry(term[0] + 1, next + 1, 0, randomBytes(rng, 5000)));
        WalHardState hs = new WalHardState(term[0] + 1, 2, next - 1);
        IoResult saved = bed.saveAndWait(r.wal(), hs, batch, true);
        assertTrue(saved.isOk());
        bed.fs.crash(mode);
        WalOpenResult.Opened again = bed.openOk(WalSnapshotMarker.ZERO);
        List<WalEntry> expected = new ArrayList<>(r.entries());
        expected.addAll(batch);
        assertEquals(expected, again.entries());
        assertEquals(hs, again.hardState());
    }

    private static void randomSave(SimRandom rng, Wal wal, WalModel model, long[] lastIndex, long[] term) {
        long first = lastIndex[0] + 1;
        if (lastIndex[0] > 0 && rng.nextInt(10) == 0) {
            // a new leader rewrites an uncommitted suffix
            term[0]++;
            first = Math.max(1, lastIndex[0] - rng.nextInt(4));
        }
        int count = rng.nextInt(5);
        List<WalEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new WalEntry(term[0], first + i, rng.nextInt(3), randomBytes(rng, rng.nextInt(900))));
        }
        if (count > 0) {
            lastIndex[0] = first + count - 1;
        }
        WalHardState state = rng.nextInt(4) == 0 ? WalHardState.EMPTY
                : new WalHardState(term[0], rng.nextInt(4), Math.max(0, lastIndex[0] - rng.nextInt(3)));
        boolean mustSync = rng.nextInt(10) < 7;
        int end = model.add(state, entries);
        wal.save(state, entries, mustSync, result -> {
            assertTrue(result.isOk(), "save failed: " + result);
            if (mustSync) {
                model.syncedRecords = Math.max(model.syncedRecords, end);
            }
        });
    }

    private static byte[] randomBytes(SimRandom rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return b;
    }
}
