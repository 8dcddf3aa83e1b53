package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import static io.stormglass.raft.wal.WalTestBed.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.storage.SimFileSystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saves issued without waiting for earlier ones: group commit, cuts as barriers, ordering. */
class WalPipelineTest {
    private static final byte[] META = {3};

    @Test
    void concurrentSyncedSavesShareDeviceFlushesAndCompleteInOrder() {
        WalTestBed bed = new WalTestBed(11, WalOptions.DEFAULT_SEGMENT_SIZE_BYTES,
                s -> new RandomLatencyDevice(s, new SimRandom(11)));
        Wal wal = bed.create(META);
        long syncsBefore = bed.fs.syncsCompleted();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = i;
            wal.save(new HardState(1, 1, i), entries(1, i + 1, 1), true, r -> {
                assertTrue(r.isOk());
                order.add(id);
            });
        }
        bed.sim.run();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), order);
        assertEquals(2, bed.fs.syncsCompleted() - syncsBefore,
                "the first save's sync runs alone, the nine issued meanwhile share the next one");
        assertEquals(10, bed.fsyncNanos.size() - 1, "the listener hears every save's wait");
    }

    @Test
    void savesIssuedDuringACutWaitAndLandInTheNewSegment() {
        WalTestBed bed = new WalTestBed(5, 4096, s -> new RandomLatencyDevice(s, new SimRandom(5)));
        Wal wal = bed.create(META);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int id = i;
            Entry e = Entry.normal(1, i + 1, new byte[400]);
            boolean sync = i % 3 == 0;
            wal.save(new HardState(1, 1, i), List.of(e), sync, r -> {
                assertTrue(r.isOk());
                if (sync) {
                    order.add(id);
                }
            });
        }
        bed.sim.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 30; i += 3) {
            expected.add(i);
        }
        assertEquals(expected, order, "synced saves complete in call order, across cuts");
        assertTrue(wal.segmentPaths().size() >= 3);
        bed.fs.crash(CrashMode.DROP_UNSYNCED);
        WalOpenResult.Opened r = bed.openOk(WalSnapshotMarker.ZERO);
        assertTrue(r.entries().size() >= 28, "everything up to the last synced save survives: " + r.entries().size());
    }

    @Test
    void noSpaceLeftPoisonsTheWal() {
        WalTestBed bed = new WalTestBed(1, 4096, s -> new InstantBlockDevice(s, "small"));
        SimFileSystem small = new SimFileSystem(bed.sim, bed.device, bed.streams.stream("small"), "n1/wal", 0,
                1L << 30, 4096, 3000);
        WalContext ctx = new WalContext(bed.sim, small, "n1/wal", new WalOptions(1 << 20), n -> { });
        List<IoResult> created = new ArrayList<>();
        Wal wal = Wal.create(ctx, META, created::add);
        bed.sim.run();
        assertTrue(created.get(0).isOk());
        List<IoResult> done = new ArrayList<>();
        wal.save(new HardState(1, 1, 0), List.of(Entry.normal(1, 1, new byte[4000])), true, done::add);
        bed.sim.run();
        assertEquals(IoStatus.ENOSPC, done.get(0).status());
        assertEquals(IoStatus.ENOSPC, wal.failure());
    }

    @Test
    void failedCutFailsTheTriggeringSaveThenTheWaitingOnesInOrder() {
        FailingDevice[] device = new FailingDevice[1];
        WalTestBed bed = new WalTestBed(1, 4096, s -> device[0] = new FailingDevice(s));
        Wal wal = bed.create(META);
        device[0].failFlushes = true;
        List<String> events = new ArrayList<>();
        wal.save(new HardState(1, 1, 0), List.of(Entry.normal(1, 1, new byte[5000])), false,
                r -> events.add("cut " + r.status()));
        wal.save(new HardState(1, 1, 1), entries(1, 2, 1), true, r -> events.add("next " + r.status()));
        wal.save(new HardState(1, 1, 2), entries(1, 3, 1), false, r -> events.add("last " + r.status()));
        assertEquals(List.of(), events, "the cut is in progress and the other saves wait behind it");
        bed.sim.run();
        assertEquals(List.of("cut EIO", "next EIO", "last EIO"), events);
    }
}
