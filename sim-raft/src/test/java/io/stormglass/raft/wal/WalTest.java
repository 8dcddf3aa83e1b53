package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import static io.stormglass.raft.wal.WalTestBed.entries;
import static io.stormglass.raft.wal.WalTestBed.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.wal.internal.SegmentName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalTest {
    private static final byte[] META = {7, 7, 7};

    @Test
    void savedEntriesStateAndMetadataAreReplayed() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        assertTrue(bed.saveAndWait(wal, new HardState(1, 1, 0), entries(1, 1, 3), true).isOk());
        assertTrue(bed.saveAndWait(wal, new HardState(1, 1, 3), entries(1, 4, 2), true).isOk());
        bed.fs.crash(CrashMode.DROP_UNSYNCED);

        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        assertArrayEquals(META, r.metadata().data());
        assertEquals(new HardState(1, 1, 3), r.hardState());
        assertEquals(entries(1, 1, 5), r.entries());
        assertEquals(0, r.repairedTailBytes());
        assertEquals(5, r.wal().lastIndex());
    }

    @Test
    void oneFsyncPerSyncedSaveAndNoneWithoutMustSync() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        int afterCreate = bed.fsyncNanos.size();
        assertEquals(1, afterCreate, "create syncs its first segment once");
        List<IoResult> done = new ArrayList<>();
        wal.save(new HardState(1, 0, 0), entries(1, 1, 1), false, done::add);
        assertEquals(1, done.size(), "a save without mustSync completes inline");
        assertEquals(afterCreate, bed.fsyncNanos.size());
        bed.saveAndWait(wal, new HardState(1, 0, 1), entries(1, 2, 4), true);
        assertEquals(afterCreate + 1, bed.fsyncNanos.size());
        bed.saveAndWait(wal, HardState.EMPTY, List.of(), true);
        assertEquals(afterCreate + 1, bed.fsyncNanos.size(), "an empty save writes and syncs nothing");
    }

    @Test
    void unsyncedSaveIsLostOnDropButSyncedOneIsKept() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        bed.saveAndWait(wal, new HardState(1, 0, 0), entries(1, 1, 2), true);
        wal.save(new HardState(1, 0, 2), entries(1, 3, 2), false, r -> { });
        bed.fs.crash(CrashMode.DROP_UNSYNCED);
        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        assertEquals(entries(1, 1, 2), r.entries());
        assertEquals(new HardState(1, 0, 0), r.hardState());
    }

    @Test
    void lowerIndexRewritesTheSuffixOnReplay() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        bed.saveAndWait(wal, new HardState(1, 1, 1), entries(1, 1, 5), true);
        bed.saveAndWait(wal, new HardState(2, 2, 1), entries(2, 3, 2), true);
        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        List<Entry> expected = new ArrayList<>(entries(1, 1, 2));
        expected.addAll(entries(2, 3, 2));
        assertEquals(expected, r.entries());
    }

    @Test
    void indexGapIsCorruption() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        bed.saveAndWait(wal, new HardState(1, 1, 1), entries(1, 1, 2), true);
        bed.saveAndWait(wal, HardState.EMPTY, List.of(entry(1, 9, "gap")), true);
        WalOpenResult.Failed f = assertInstanceOf(WalOpenResult.Failed.class, bed.open(WalSnapshotMarker.ZERO));
        WalError.Corruption c = assertInstanceOf(WalError.Corruption.class, f.error());
        assertTrue(c.reason().contains("gap"), c.message());
    }

    @Test
    void segmentsAreCutWithEtcdNamesAndReplayedAcrossCuts() {
        WalTestBed bed = new WalTestBed(4096);
        Wal wal = bed.create(META);
        long index = 1;
        for (int batch = 0; batch < 40; batch++) {
            bed.saveAndWait(wal, new HardState(1, 1, index - 1), entries(1, index, 5), batch % 2 == 1);
            index += 5;
        }
        List<String> paths = wal.segmentPaths();
        assertTrue(paths.size() >= 3, "expected several segments, got " + paths);
        for (int i = 0; i < paths.size(); i++) {
            String base = paths.get(i).substring(WalTestBed.DIR.length() + 1);
            SegmentName n = SegmentName.parse(base).orElseThrow();
            assertEquals(i, n.seq());
            if (i > 0) {
                assertEquals(0, (n.firstIndex() - 1) % 5, "cut after a whole save: " + base);
                assertTrue(bed.fs.openExisting(paths.get(i - 1)).orElseThrow().sizeBytes() >= 4096);
            }
        }
        assertEquals(List.of(), bed.fs.list(WalTestBed.DIR + "/").stream().filter(p -> p.endsWith(".tmp")).toList());
        bed.fs.crash(CrashMode.DROP_UNSYNCED);
        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        assertEquals(entries(1, 1, 200), r.entries());
        assertEquals(new HardState(1, 1, 195), r.hardState());
    }

    @Test
    void releaseLockToPurgesOldSegmentsAndRecoveryFromTheSnapshotStillWorks() {
        WalTestBed bed = new WalTestBed(4096);
        Wal wal = bed.create(META);
        long index = 1;
        for (int batch = 0; batch < 30; batch++) {
            bed.saveAndWait(wal, new HardState(1, 1, index + 4), entries(1, index, 5), true);
            index += 5;
        }
        List<String> before = wal.segmentPaths();
        WalSnapshotMarker snap = new WalSnapshotMarker(120, 1);
        assertTrue(saveSnapshot(bed, wal, snap).isOk());
        List<String> deleted = wal.releaseLockTo(snap.index());
        assertTrue(!deleted.isEmpty(), "something to purge among " + before);
        List<String> after = wal.segmentPaths();
        assertEquals(before.size() - deleted.size(), after.size());
        SegmentName firstKept = SegmentName.parse(after.get(0).substring(WalTestBed.DIR.length() + 1)).orElseThrow();
        assertTrue(firstKept.firstIndex() < snap.index(), "the segment holding the snapshot index is kept");
        if (after.size() > 1) {
            SegmentName second = SegmentName.parse(after.get(1).substring(WalTestBed.DIR.length() + 1)).orElseThrow();
            assertTrue(second.firstIndex() >= snap.index(), "only the newest segment below the index is kept: " + after);
        }
        for (String p : deleted) {
            assertTrue(!bed.fs.exists(p));
        }

        WalOpenResult.Opened r = bed.openOk(snap);
        assertEquals(entries(1, 121, 30), r.entries());
        WalOpenResult.Failed f = assertInstanceOf(WalOpenResult.Failed.class, bed.open(WalSnapshotMarker.ZERO));
        assertInstanceOf(WalError.NotFound.class, f.error());
    }

    @Test
    void snapshotMarkerMustMatch() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        bed.saveAndWait(wal, new HardState(2, 1, 10), entries(2, 1, 10), true);
        saveSnapshot(bed, wal, new WalSnapshotMarker(8, 2));
        assertEquals(entries(2, 9, 2), bed.openOk(new WalSnapshotMarker(8, 2)).entries());
        WalOpenResult.Failed wrongTerm = assertInstanceOf(WalOpenResult.Failed.class,
                bed.open(new WalSnapshotMarker(8, 1)));
        assertInstanceOf(WalError.SnapshotMismatch.class, wrongTerm.error());
        WalOpenResult.Failed missing = assertInstanceOf(WalOpenResult.Failed.class,
                bed.open(new WalSnapshotMarker(5, 2)));
        assertInstanceOf(WalError.SnapshotNotFound.class, missing.error());
    }

    @Test
    void createRefusesAnExistingWalAndOpenReportsAMissingOne() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        WalOpenResult.Failed none = assertInstanceOf(WalOpenResult.Failed.class, bed.open(WalSnapshotMarker.ZERO));
        assertInstanceOf(WalError.NotFound.class, none.error());
        bed.create(META);
        WalException e = assertThrows(WalException.class, () -> Wal.create(bed.ctx, META, r -> { }));
        assertInstanceOf(WalError.AlreadyExists.class, e.error());
    }

    @Test
    void crashDuringCreateLeavesNoWal() {
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal.create(bed.ctx, META, r -> { });
        bed.fs.crash(CrashMode.KEEP_UNSYNCED);
        WalOpenResult.Failed f = assertInstanceOf(WalOpenResult.Failed.class, bed.open(WalSnapshotMarker.ZERO));
        assertInstanceOf(WalError.NotFound.class, f.error());
        assertEquals(List.of(), bed.fs.list(WalTestBed.DIR + "/"), "the temporary segment is removed");
    }

    static IoResult saveSnapshot(WalTestBed bed, Wal wal, WalSnapshotMarker marker) {
        List<IoResult> done = new ArrayList<>();
        wal.saveSnapshot(marker, done::add);
        bed.sim.run();
        assertEquals(1, done.size());
        return done.get(0);
    }

    @Test
    void failedSyncPoisonsTheWal() {
        FailingDevice[] device = new FailingDevice[1];
        WalTestBed bed = new WalTestBed(1, WalOptions.DEFAULT_SEGMENT_SIZE_BYTES,
                s -> device[0] = new FailingDevice(s));
        Wal wal = bed.create(META);
        device[0].failFlushes = true;
        IoResult r = bed.saveAndWait(wal, new HardState(1, 0, 0), entries(1, 1, 1), true);
        assertEquals(IoStatus.EIO, r.status());
        assertEquals(IoStatus.EIO, wal.failure());
        device[0].failFlushes = false;
        IoResult later = bed.saveAndWait(wal, new HardState(1, 0, 1), entries(1, 2, 1), true);
        assertEquals(IoStatus.EIO, later.status(), "a WAL that saw EIO never reports success again");
    }

    @Test
    void fsyncListenerSeesEveryDeviceSyncDuration() {
        WalTestBed bed = new WalTestBed(7, 4096,
                s -> new RandomLatencyDevice(s, new io.stormglass.engine.random.SimRandom(7)));
        Wal wal = bed.create(META);
        List<IoResult> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Entry e = Entry.normal(1, i + 1, new byte[500]);
            results.add(bed.saveAndWait(wal, new HardState(1, 1, i), List.of(e), true));
        }
        int cuts = wal.segmentPaths().size() - 1;
        assertTrue(cuts >= 2, "20 x 536-byte frames over 4 KiB segments cut at least twice");
        // one sync for creation; a save that cuts syncs the old tail and the new header instead of once
        assertEquals(1 + 20 + cuts, bed.fsyncNanos.size());
        assertTrue(bed.fsyncNanos.stream().allMatch(n -> n > 0), "random device latencies are positive");
        long sum = results.stream().mapToLong(IoResult::latencyNanos).sum();
        assertTrue(sum > 0);
        IoResult last = results.get(results.size() - 1);
        assertTrue(last.completedAtNanos() >= last.submittedAtNanos());
    }

    @Test
    void rewriteAtOrBelowTheSnapshotDropsTheStaleSuffix() {
        // found by WalCrashProperties: etcd's ReadAll would return the truncated entries 3 and 4
        WalTestBed bed = new WalTestBed(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        Wal wal = bed.create(META);
        bed.saveAndWait(wal, new HardState(1, 1, 0), entries(1, 1, 4), true);
        bed.saveAndWait(wal, new HardState(2, 2, 2), entries(2, 1, 2), true);
        saveSnapshot(bed, wal, new WalSnapshotMarker(2, 2));
        assertEquals(List.of(), bed.openOk(new WalSnapshotMarker(2, 2)).entries());
        assertEquals(entries(2, 1, 2), bed.openOk(WalSnapshotMarker.ZERO).entries());
    }
}
