package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import static io.stormglass.raft.wal.WalTestBed.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.IoResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** etcd's restart sequence: valid WAL snapshot markers, newest matching snapshot file, WAL replay from it. */
class MemberRestartTest {
    private static final String SNAP_DIR = "n1/snap";

    private static void snapshot(WalTestBed bed, Snapshotter snapshotter, Wal wal, long term, long index) {
        List<IoResult> done = new ArrayList<>();
        // etcd saves the snapshot file first, so a marker never points at a missing file
        snapshotter.save(new SnapshotFile(term, index, ("state@" + index).getBytes()), done::add);
        bed.sim.run();
        wal.saveSnapshot(new WalSnapshotMarker(index, term), done::add);
        bed.sim.run();
        assertEquals(2, done.size());
        assertTrue(done.stream().allMatch(IoResult::isOk));
    }

    @Test
    void restartLoadsTheNewestCommittedSnapshotAndReplaysAfterIt() {
        WalTestBed bed = new WalTestBed(4096);
        Snapshotter snapshotter = new Snapshotter(bed.sim, bed.fs, SNAP_DIR);
        Wal wal = bed.create(new byte[] {1});
        for (long i = 1; i <= 150; i += 10) {
            bed.saveAndWait(wal, new HardState(1, 1, Math.min(140, i + 9)), entries(1, i, 10), true);
        }
        snapshot(bed, snapshotter, wal, 1, 50);
        snapshot(bed, snapshotter, wal, 1, 130);
        List<String> before = wal.segmentPaths();
        assertEquals(1, wal.releaseLockTo(130).size(), "the first segment is no longer needed: " + before);
        // a marker above the commit index (140) must not be used (etcd's ValidSnapshotEntries)
        snapshot(bed, snapshotter, wal, 1, 145);
        bed.fs.crash(CrashMode.TORN_UNSYNCED);

        WalMarkersResult.Found found = assertInstanceOf(WalMarkersResult.Found.class, Wal.validSnapshotMarkers(bed.ctx));
        assertEquals(List.of(new WalSnapshotMarker(50, 1), new WalSnapshotMarker(130, 1)), found.markers(),
                "the zero marker went with the purged segment, 145 is above the commit index");
        SnapshotFile snap = snapshotter.loadNewest(found.markers()::contains).snapshot().orElseThrow();
        assertEquals(130, snap.index());
        assertEquals("state@130", new String(snap.data()));

        WalOpenResult.Opened opened = bed.openOk(snap.marker());
        assertEquals(entries(1, 131, 20), opened.entries());
        assertEquals(new HardState(1, 1, 140), opened.hardState());
    }
}
