package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlashDiskTest {
    @Test
    void nvmeWithPowerLossProtectionHasFdatasyncP99Below100Micros() {
        DiskCheckResult r = DiskCheck.run(DiskCheck.Options.etcdRecipe(NvmeDisk.Options.defaults(true)));
        // data write, pre-flush, commit record, post-flush: four commands of tens of microseconds
        assertTrue(r.p99Nanos() < 150_000, "p99 " + r.p99Nanos() + " ns");
        assertEquals(DiskCheckResult.Verdict.HEAVY_LOAD_OK, r.verdict());
    }

    @Test
    void nvmeWithoutPowerLossProtectionManages500To1000FdatasyncsPerSecondWithoutAJournalCommit() {
        // pg_test_fsync's loop: 8 KiB rewritten and fdatasync'd, no metadata to commit
        DiskCheckResult r = DiskCheck.run(new DiskCheck.Options(NvmeDisk.Options.defaults(false), List.of(), 1, 8192,
                8L << 20, 0, FsJournal.Options.none()));
        assertTrue(r.iops() >= 500 && r.iops() <= 1000, "IOPS " + r.iops());
        assertEquals(1.7, r.p50Nanos() / 1e6, 0.2, "p50 ms");
    }

    @Test
    void nvmeWithoutPowerLossProtectionPaysTwoCacheFlushesPerJournalCommit() {
        DiskCheckResult r = DiskCheck.run(DiskCheck.Options.etcdRecipe(NvmeDisk.Options.defaults(false)));
        assertEquals(3.4, r.p50Nanos() / 1e6, 0.4, "p50 ms");
    }

    @Test
    void sataSsdFlushesInTenthsOfAMillisecond() {
        Rig rig = new Rig(5);
        BlockDevice ssd = rig.device("ssd", SataSsdDisk.Options.defaults());
        List<Long> flushes = rig.loop(ssd, 2000, i -> IoRequest.flush("t"));
        long p50 = Rig.percentile(flushes, 50);
        assertTrue(p50 >= 100_000 && p50 <= 1_000_000, "p50 " + p50);
    }

    @Test
    void concurrentIssuersQueueBehindEachOtherOnTheChannels() {
        Rig rig = new Rig(5);
        NvmeDisk.Options o = NvmeDisk.Options.defaults(false);
        // one channel: 10 flushes submitted together finish one after another
        BlockDevice nvme = rig.device("nvme", new NvmeDisk.Options(false, o.readLatencyMicros(),
                o.writeLatencyMicros(), o.flushLatencyMicros(), o.plpFlushLatencyMicros(), 1, o.bandwidthMiBps(), 0));
        List<Long> lat = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nvme.submit(IoRequest.flush("issuer" + i), r -> lat.add(r.latencyNanos()));
        }
        rig.sim.run();
        for (int i = 0; i < 10; i++) {
            assertEquals((i + 1) * 1_700_000L, lat.get(i), 1000);
        }
    }
}
