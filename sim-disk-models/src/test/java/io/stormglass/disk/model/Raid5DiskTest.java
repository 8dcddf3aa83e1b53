package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class Raid5DiskTest {
    private static final long UNIT = 64 * 1024;

    private static Raid5Disk raid(Rig rig, long cacheBytes) {
        Raid5Disk.Options d = Raid5Disk.Options.defaults();
        return new Raid5Disk(rig.env, "md0", new Raid5Disk.Options(4, SataSsdDisk.Options.defaults(), UNIT,
                cacheBytes, d.controllerLatencyMicros()), rig.models);
    }

    @Test
    void smallWriteCostsExactlyFourMemberIos() {
        Rig rig = new Rig(1);
        Raid5Disk raid = raid(rig, 0);
        rig.io(raid, IoRequest.write("t", 5 * UNIT + 4096, 4096));
        assertEquals(2, raid.memberReads(), "read old data + read old parity");
        assertEquals(2, raid.memberWrites(), "write data + write parity");
    }

    @Test
    void fullStripeWriteReadsNothing() {
        Rig rig = new Rig(1);
        Raid5Disk raid = raid(rig, 0);
        long stripe = 3 * UNIT; // 3 data members
        rig.io(raid, IoRequest.write("t", 7 * stripe, stripe));
        assertEquals(0, raid.memberReads());
        assertEquals(4, raid.memberWrites(), "3 data units + parity");
        rig.io(raid, IoRequest.write("t", 2 * stripe, 2 * stripe));
        assertEquals(0, raid.memberReads());
        assertEquals(12, raid.memberWrites());
    }

    @Test
    void smallWriteWaitsForItsReadsBeforeWriting() {
        Rig rig = new Rig(1);
        IoResult small = rig.io(raid(rig, 0), IoRequest.write("t", 4096, 4096));
        Rig rig2 = new Rig(1);
        IoResult full = rig2.io(raid(rig2, 0), IoRequest.write("t", 0, 3 * UNIT));
        // read phase then write phase: about two member latencies, more than a full-stripe write of 48x the data
        assertTrue(small.latencyNanos() > full.latencyNanos() * 0.9, small + " vs " + full);
    }

    @Test
    void writeBackCacheAbsorbsWritesUntilFull() {
        Rig rig = new Rig(1);
        Raid5Disk.Options d = Raid5Disk.Options.defaults();
        Raid5Disk raid = new Raid5Disk(rig.env, "md1", new Raid5Disk.Options(4, HddDisk.Options.defaults(), UNIT,
                64 * 4096, d.controllerLatencyMicros()), rig.models);
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            int n = i;
            raid.submit(IoRequest.write("t", (long) i * 10 * UNIT, 4096), r -> latencies[n] = r.latencyNanos());
        }
        rig.sim.run();
        for (int i = 0; i < 64; i++) {
            assertEquals(50_000, latencies[i], "cached write " + i + " acknowledged by the controller");
        }
        assertTrue(latencies[64] > 5_000_000, "first write beyond the cache waits for a destage: " + latencies[64]);
        assertEquals(200 * 4, raid.memberReads() + raid.memberWrites());
        assertEquals(50_000, rig.io(raid, IoRequest.flush("t")).latencyNanos(), "battery-backed flush");
    }

    /** Seed 000: the WAL on RAID5 under load fsyncs in tens of milliseconds (120 ms there); on NVMe in ~2 ms. */
    @Test
    void raidFiveOnHddsUnderBackendWritesIsTensOfMillisecondsWhereNvmeStaysNearTwo() {
        List<NeighbourSpec> backend = List.of(new PoissonNeighbour.Options(90, 16, 100, 0, 0, 1L << 34));
        DiskCheckResult raid = DiskCheck.run(new DiskCheck.Options(Raid5Disk.Options.defaults(), backend, 1, 8192,
                4L << 20, 0));
        DiskCheckResult nvme = DiskCheck.run(new DiskCheck.Options(NvmeDisk.Options.defaults(false), backend, 1, 8192,
                4L << 20, 0));
        assertTrue(raid.p99Nanos() > 40_000_000L, "RAID5 p99 " + raid.p99Nanos());
        assertEquals(DiskCheckResult.Verdict.TOO_SLOW, raid.verdict());
        assertTrue(nvme.p99Nanos() < 5_000_000L, "NVMe p99 " + nvme.p99Nanos());
    }
}
