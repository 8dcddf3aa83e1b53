package io.stormglass.raft.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotterTest {
    private static final String DIR = "n1/snap";

    private static IoResult save(WalTestBed bed, Snapshotter s, SnapshotFile snap) {
        List<IoResult> done = new ArrayList<>();
        s.save(snap, done::add);
        bed.sim.run();
        assertEquals(1, done.size());
        return done.get(0);
    }

    @Test
    void namesAreTermThenIndexInHex() {
        assertEquals("0000000000000003-00000000000003e8.snap", Snapshotter.fileName(3, 1000));
    }

    @Test
    void newestValidSnapshotIsLoaded() {
        WalTestBed bed = new WalTestBed(4096);
        Snapshotter s = new Snapshotter(bed.sim, bed.fs, DIR);
        assertEquals(Optional.empty(), s.loadNewest().snapshot());
        SnapshotFile a = new SnapshotFile(1, 100, new byte[] {1, 2});
        SnapshotFile b = new SnapshotFile(2, 250, new byte[] {3, 4, 5});
        assertTrue(save(bed, s, a).isOk());
        assertTrue(save(bed, s, b).isOk());
        bed.fs.crash(CrashMode.DROP_UNSYNCED);
        assertEquals(Optional.of(b), s.loadNewest().snapshot());
        assertEquals(Optional.of(a), s.loadNewest(m -> m.index() < 200).snapshot());
        assertEquals(List.of(DIR + "/" + Snapshotter.fileName(1, 100), DIR + "/" + Snapshotter.fileName(2, 250)),
                bed.fs.list(DIR + "/"));
    }

    @Test
    void brokenNewestIsSkippedAndRenamed() {
        WalTestBed bed = new WalTestBed(4096);
        Snapshotter s = new Snapshotter(bed.sim, bed.fs, DIR);
        SnapshotFile a = new SnapshotFile(1, 100, new byte[64]);
        save(bed, s, a);
        save(bed, s, new SnapshotFile(1, 200, new byte[64]));
        String newest = DIR + "/" + Snapshotter.fileName(1, 200);
        DataFile f = bed.fs.openExisting(newest).orElseThrow();
        f.write(40, new byte[] {42}, 0, 1);

        Snapshotter.Load load = s.loadNewest();
        assertEquals(Optional.of(a), load.snapshot());
        assertEquals(List.of(newest), load.broken());
        assertTrue(bed.fs.exists(newest + ".broken"));
    }

    @Test
    void crashBeforeTheSyncLeavesNoVisibleSnapshot() {
        WalTestBed bed = new WalTestBed(4096);
        Snapshotter s = new Snapshotter(bed.sim, bed.fs, DIR);
        s.save(new SnapshotFile(1, 5, new byte[10]), r -> { });
        bed.fs.crash(CrashMode.KEEP_UNSYNCED);
        assertEquals(Optional.empty(), s.loadNewest().snapshot());
        assertEquals(List.of(), bed.fs.list(DIR + "/"), "the temporary file is cleaned up");
    }

    @Test
    void purgeKeepsTheNewest() {
        WalTestBed bed = new WalTestBed(4096);
        Snapshotter s = new Snapshotter(bed.sim, bed.fs, DIR);
        for (int i = 1; i <= 7; i++) {
            save(bed, s, new SnapshotFile(1, i * 100L, new byte[] {(byte) i}));
        }
        List<String> deleted = s.purge(5);
        assertEquals(List.of(DIR + "/" + Snapshotter.fileName(1, 100), DIR + "/" + Snapshotter.fileName(1, 200)),
                deleted);
        assertEquals(5, bed.fs.list(DIR + "/").size());
        assertEquals(700, s.loadNewest().snapshot().orElseThrow().index());
    }
}
