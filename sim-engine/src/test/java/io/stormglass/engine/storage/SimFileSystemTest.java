package io.stormglass.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimFileSystemTest {
    /** A device that records requests and completes each after a fixed delay. */
    static final class RecordingDevice implements BlockDevice {
        final Scheduler scheduler;
        final long latencyNanos;
        final List<IoRequest> requests = new ArrayList<>();
        IoStatus flushStatus = IoStatus.OK;

        RecordingDevice(Scheduler scheduler, long latencyNanos) {
            this.scheduler = scheduler;
            this.latencyNanos = latencyNanos;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void submit(IoRequest request, IoCallback callback) {
            requests.add(request);
            long now = scheduler.nowNanos();
            IoStatus status = request.op() == IoOp.FLUSH ? flushStatus : IoStatus.OK;
            scheduler.schedule(latencyNanos, EventKind.named("test.io"), 0,
                    () -> callback.onComplete(new IoResult(status, now, scheduler.nowNanos())));
        }
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    private static byte[] readAll(DataFile f) {
        byte[] out = new byte[(int) f.sizeBytes()];
        f.read(0, out, 0, out.length);
        return out;
    }

    @Test
    void writesAreVisibleAtOnceAndDurableOnlyAfterTheSyncCompletes() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 2_000_000);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "n1/wal");
        DataFile f = fs.open("wal/0.wal");
        assertEquals(IoStatus.OK, f.append(bytes(100, 1), 0, 100));
        assertEquals(100, f.sizeBytes());
        List<IoResult> done = new ArrayList<>();
        f.sync(done::add);
        sim.runUntil(3_000_000);
        assertTrue(done.isEmpty(), "write then flush take 4 ms");
        sim.run();
        assertEquals(1, done.size());
        assertEquals(4_000_000, done.get(0).latencyNanos());
        assertEquals(List.of(IoOp.WRITE, IoOp.FLUSH), dev.requests.stream().map(IoRequest::op).toList());
        assertEquals(4096, dev.requests.get(0).lengthBytes(), "the page cache writes whole pages");
        assertEquals("n1/wal", dev.requests.get(0).issuer());

        f.append(bytes(50, 2), 0, 50);
        fs.crash(CrashMode.DROP_UNSYNCED);
        assertArrayEquals(bytes(100, 1), readAll(fs.open("wal/0.wal")), "synced data survives, unsynced is dropped");
    }

    @Test
    void keepModeKeepsUnsyncedWrites() {
        Simulation sim = new Simulation();
        SimFileSystem fs = new SimFileSystem(sim, new InstantBlockDevice(sim, "d"), new SimRandom(1), "x");
        DataFile f = fs.open("a");
        f.append(bytes(10, 3), 0, 10);
        fs.crash(CrashMode.KEEP_UNSYNCED);
        assertArrayEquals(bytes(10, 3), readAll(fs.open("a")));
    }

    @Test
    void tornWritesKeepOrLoseWholeSectors() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation sim = new Simulation();
            SimFileSystem fs = new SimFileSystem(sim, new InstantBlockDevice(sim, "d"), new SimRandom(seed), "x");
            DataFile f = fs.open("a");
            f.append(bytes(1024, 1), 0, 1024);
            f.sync(r -> { });
            sim.run();
            f.append(bytes(4096, 2), 0, 4096);
            fs.crash(CrashMode.TORN_UNSYNCED);
            byte[] after = readAll(fs.open("a"));
            assertTrue(after.length >= 1024 && after.length <= 5120 && after.length % 512 == 0, "length " + after.length);
            for (int i = 0; i < 1024; i++) {
                assertEquals(1, after[i], "synced prefix intact");
            }
            for (int s = 1024; s < after.length; s += 512) {
                byte first = after[s];
                assertTrue(first == 0 || first == 2, "a lost sector inside the file reads as zeros");
                for (int i = s; i < s + 512; i++) {
                    assertEquals(first, after[i], "a sector is all old or all new");
                }
            }
        }
    }

    @Test
    void aSyncRequestedDuringAnotherCoversEverythingWrittenBeforeIt() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 1_000_000);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w");
        DataFile f = fs.open("a");
        List<String> done = new ArrayList<>();
        f.append(bytes(10, 1), 0, 10);
        f.sync(r -> done.add("first@" + r.completedAtNanos()));
        f.append(bytes(10, 2), 0, 10);
        f.sync(r -> done.add("second@" + r.completedAtNanos()));
        f.append(bytes(10, 3), 0, 10);
        f.sync(r -> done.add("third@" + r.completedAtNanos()));
        sim.run();
        assertEquals(List.of("first@2000000", "second@4000000", "third@4000000"), done,
                "syncs are serialized; the waiting two are grouped into one");
        fs.crash(CrashMode.DROP_UNSYNCED);
        assertEquals(30, fs.open("a").sizeBytes());
    }

    @Test
    void aSyncRequestedFromTheCallbackOfTheLastOneRunsOnce() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 1_000_000);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w");
        DataFile f = fs.open("a");
        int[] loops = {0};
        IoCallback[] again = new IoCallback[1];
        again[0] = r -> {
            if (++loops[0] < 5) {
                f.append(bytes(10, loops[0]), 0, 10);
                f.sync(again[0]);
            }
        };
        f.append(bytes(10, 0), 0, 10);
        f.sync(again[0]);
        sim.run();
        assertEquals(5, loops[0]);
        assertEquals(10, dev.requests.size(), "a write+fdatasync loop costs one write and one flush per turn");
        assertEquals(10_000_000, sim.nowNanos(), "each turn takes 2 ms");
    }

    @Test
    void aFailedFlushLeavesDataVolatileAndReportsTheError() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 1_000);
        dev.flushStatus = IoStatus.EIO;
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w");
        DataFile f = fs.open("a");
        f.append(bytes(10, 1), 0, 10);
        List<IoStatus> statuses = new ArrayList<>();
        f.sync(r -> statuses.add(r.status()));
        sim.run();
        assertEquals(List.of(IoStatus.EIO), statuses);
        fs.crash(CrashMode.DROP_UNSYNCED);
        assertEquals(0, fs.open("a").sizeBytes());
    }

    @Test
    void anInFlightSyncIsAbandonedByACrash() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 1_000_000);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w");
        DataFile f = fs.open("a");
        f.append(bytes(10, 1), 0, 10);
        List<IoResult> done = new ArrayList<>();
        f.sync(done::add);
        sim.runUntil(500_000);
        fs.crash(CrashMode.DROP_UNSYNCED);
        sim.run();
        assertEquals(List.of(), done, "the crashed process never hears back");
        assertEquals(0, fs.open("a").sizeBytes());
    }

    @Test
    void writesPastCapacityFailWithEnospc() {
        Simulation sim = new Simulation();
        SimFileSystem fs = new SimFileSystem(sim, new InstantBlockDevice(sim, "d"), new SimRandom(1), "w",
                0, 1L << 30, 64L << 20, 100);
        DataFile f = fs.open("a");
        assertEquals(IoStatus.OK, f.append(bytes(60, 1), 0, 60));
        assertEquals(IoStatus.ENOSPC, f.append(bytes(60, 1), 0, 60));
        assertEquals(60, f.sizeBytes());
    }

    @Test
    void truncateIsVolatileUntilSynced() {
        Simulation sim = new Simulation();
        SimFileSystem fs = new SimFileSystem(sim, new InstantBlockDevice(sim, "d"), new SimRandom(1), "w");
        DataFile f = fs.open("a");
        f.append(bytes(100, 1), 0, 100);
        f.sync(r -> { });
        sim.run();
        f.truncate(40);
        assertEquals(40, f.sizeBytes());
        fs.crash(CrashMode.DROP_UNSYNCED);
        assertEquals(100, fs.open("a").sizeBytes());
        DataFile g = fs.open("a");
        g.truncate(40);
        g.sync(r -> { });
        sim.run();
        fs.crash(CrashMode.DROP_UNSYNCED);
        assertEquals(40, fs.open("a").sizeBytes());
    }

    @Test
    void filesAreLaidOutSequentiallyInExtents() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 1);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w", 1L << 20, 1L << 30, 8192, 1L << 30);
        DataFile f = fs.open("a");
        f.append(bytes(12_000, 1), 0, 12_000);
        f.sync(r -> { });
        sim.run();
        assertEquals(1L << 20, dev.requests.get(0).offsetBytes(), "first extent starts at the region offset");
        assertEquals(8192, dev.requests.get(0).lengthBytes());
        assertEquals((1L << 20) + 8192, dev.requests.get(1).offsetBytes(), "the next extent follows it");
        assertEquals(4096, dev.requests.get(1).lengthBytes());
        assertEquals(fs.list(""), List.of("a"));
        assertTrue(fs.rename("a", "b"));
        assertEquals(List.of("b"), fs.list(""));
        assertTrue(fs.delete("b"));
        assertEquals(0, fs.bytesUsed());
    }

    @Test
    void aReadFromTheDeviceSpendsItsTimeWhereThePagesLieEvenBeyondTheHeldContents() {
        Simulation sim = new Simulation();
        RecordingDevice dev = new RecordingDevice(sim, 3_000_000);
        SimFileSystem fs = new SimFileSystem(sim, dev, new SimRandom(1), "w", 0, 1L << 30, 8192, 1L << 30);
        DataFile f = fs.open("db");
        f.append(bytes(4096, 1), 0, 4096);
        List<IoResult> done = new ArrayList<>();
        f.readFromDevice(5 * 8192 + 4096, 8192, done::add);
        assertTrue(done.isEmpty(), "the device answers later");
        sim.run();
        assertEquals(1, done.size());
        assertTrue(done.get(0).isOk());
        assertEquals(3_000_000, done.get(0).completedAtNanos() - done.get(0).submittedAtNanos(), "the device's time");
        assertEquals(2, dev.requests.size(), "a range across two extents is two requests");
        assertTrue(dev.requests.stream().allMatch(r -> r.op() == IoOp.READ));
        assertEquals(4096, f.sizeBytes(), "nothing is written or held");
        f.readFromDevice(0, 4096, done::add);
        fs.crash(CrashMode.DROP_UNSYNCED);
        sim.run();
        assertEquals(1, done.size(), "a crash abandons a read in flight");
    }
}
