package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class HddDiskTest {
    private static final double REVOLUTION_MS = 60_000.0 / 7200; // 8.33 ms

    private static HddDisk.Options withWriteCache() {
        HddDisk.Options o = HddDisk.Options.defaults();
        return new HddDisk.Options(o.rpm(), o.capacityBytes(), o.averageSeekMillis(), o.trackToTrackSeekMillis(),
                o.mediaMiBps(), o.interfaceMiBps(), o.commandOverheadMicros(), true, o.writeCacheBytes());
    }

    @Test
    void withoutAJournalAnAppendLoopWaitsAboutOneRevolutionPerFdatasync() {
        // the partial page just written has just passed the head: the classic ~120 commits/s of a 7200 rpm disk
        DiskCheckResult r = DiskCheck.run(new DiskCheck.Options(HddDisk.Options.defaults(), List.of(), 1, 2300, 2L << 20,
                0, FsJournal.Options.none()));
        assertEquals(REVOLUTION_MS, r.meanNanos() / 1e6, REVOLUTION_MS * 0.05, "mean fdatasync ms");
    }

    @Test
    void etcdFioRecipeSeeksToTheJournalAndBackWithRotationSpreadOverARevolution() {
        HddDisk.Options o = HddDisk.Options.defaults();
        DiskCheckResult r = DiskCheck.run(DiskCheck.Options.etcdRecipe(o));
        Rig rig = new Rig(1);
        HddDisk hdd = new HddDisk(rig.env, "hdd", o);
        long trackBytes = Math.round(o.mediaMiBps() * 1048576.0 * hdd.revolutionNanos() / 1e9);
        double seekMs = hdd.seekNanos(FsJournal.Options.ext4().journalOffsetBytes() / trackBytes) / 1e6;
        // two accesses per fdatasync (data, journal commit), each a seek plus on average half a revolution
        double expectedMs = 2 * (seekMs + REVOLUTION_MS / 2);
        assertEquals(expectedMs, r.meanNanos() / 1e6, expectedMs * 0.1, "mean fdatasync ms");
        assertTrue(r.iops() >= 50 && r.iops() <= 100, "IOPS " + r.iops());
        // not aligned to whole revolutions: the rotational waits spread p50..p99 over most of a revolution
        assertTrue((r.p99Nanos() - r.p50Nanos()) / 1e6 > 0.6 * REVOLUTION_MS, r.p50Nanos() + " .. " + r.p99Nanos());
    }

    @Test
    void writeCacheOnAcknowledgesWritesAtOnceButTheFlushPaysTheMedia() {
        DiskCheckResult off = DiskCheck.run(new DiskCheck.Options(HddDisk.Options.defaults(), List.of(), 3, 2300,
                2L << 20, 0));
        DiskCheckResult on = DiskCheck.run(new DiskCheck.Options(withWriteCache(), List.of(), 3, 2300, 2L << 20, 0));
        // fdatasync waits for the platter either way: the cache only moves the wait from the WRITE to the FLUSH
        assertEquals(off.meanNanos(), on.meanNanos(), off.meanNanos() * 0.1);
        Rig rig = new Rig(4);
        BlockDevice cached = rig.device("hdd", withWriteCache());
        BlockDevice uncached = rig.device("hdd2", HddDisk.Options.defaults());
        long cachedWrite = rig.io(cached, IoRequest.write("t", 1L << 30, 4096)).latencyNanos();
        long mediaWrite = rig.io(uncached, IoRequest.write("t", 1L << 30, 4096)).latencyNanos();
        assertTrue(cachedWrite < 200_000 && mediaWrite > 1_000_000, cachedWrite + " vs " + mediaWrite);
    }

    @Test
    void writeCacheDestagesWhileIdleSoALaterFlushIsCheap() {
        HddDisk.Options cached = withWriteCache();
        long[] flushNanos = new long[2];
        for (int idle = 0; idle < 2; idle++) {
            Rig rig = new Rig(8);
            HddDisk hdd = new HddDisk(rig.env, "hdd", cached);
            SimRandom rnd = new SimRandom(5);
            List<Long> writes = rig.loop(hdd, 100, i -> IoRequest.write("t", rnd.nextLong(1L << 28) * 4096, 4096));
            assertTrue(Rig.mean(writes) < 200_000, "cached writes are acknowledged from the interface");
            rig.sim.runUntil(rig.sim.nowNanos() + idle * 5_000_000_000L);
            flushNanos[idle] = rig.io(hdd, IoRequest.flush("t")).latencyNanos();
        }
        // right away the flush pays ~100 random media writes; after 5 s idle they are already on the platter
        assertTrue(flushNanos[0] > 100 * 10_000_000L, "flush right away: " + flushNanos[0]);
        assertTrue(flushNanos[1] < 1_000_000L, "flush after idle destage: " + flushNanos[1]);
    }

    @Test
    void randomFourKiBWritesPaySeekPlusRotation() {
        Rig rig = new Rig(7);
        HddDisk.Options o = HddDisk.Options.defaults();
        BlockDevice hdd = rig.device("hdd", o);
        SimRandom rnd = new SimRandom(99);
        List<Long> lat = rig.loop(hdd, 3000, i -> IoRequest.write("bench",
                rnd.nextLong(o.capacityBytes() / 4096) * 4096, 4096));
        // average seek + half a revolution + command overhead + a 4 KiB transfer
        double expectedMs = o.averageSeekMillis() + REVOLUTION_MS / 2 + 0.1 + 4096.0 / (160 * 1048576.0) * 1000;
        assertEquals(expectedMs, Rig.mean(lat) / 1e6, expectedMs * 0.07, "mean random write ms");
        // rotation alone spreads latencies over a whole revolution
        assertTrue(Rig.percentile(lat, 99) / 1e6 > o.averageSeekMillis() + REVOLUTION_MS * 0.8);
    }

    @Test
    void seekCurveGrowsWithDistanceAndIsZeroOnTheSameTrack() {
        Rig rig = new Rig(1);
        HddDisk hdd = new HddDisk(rig.env, "hdd", HddDisk.Options.defaults());
        assertEquals(0, hdd.seekNanos(0));
        assertEquals(1.0, hdd.seekNanos(1) / 1e6, 0.02);
        assertTrue(hdd.seekNanos(1000) < hdd.seekNanos(100_000));
        assertTrue(hdd.revolutionNanos() > 8_300_000 && hdd.revolutionNanos() < 8_400_000);
    }
}
