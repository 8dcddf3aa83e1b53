package io.stormglass.disk.fio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.FsJournal;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskCheckTest {
    @Test
    void sameSeedSameResultAndTheReportNamesEverything() {
        DiskCheck.Options o = DiskCheck.Options.etcdRecipe(NvmeDisk.Options.defaults(false));
        DiskCheckResult a = DiskCheck.run(o);
        DiskCheckResult b = DiskCheck.run(o);
        assertEquals(a, b);
        assertEquals(22L * 1024 * 1024 / 2300, a.fdatasyncs());
        String text = a.render();
        for (String part : List.of("p50:", "p99:", "p99.9:", "max:", "IOPS:", "verdict: passes")) {
            assertTrue(text.contains(part), text);
        }
    }

    @Test
    void verdictFollowsEtcdGuidance() {
        assertEquals(DiskCheckResult.Verdict.HEAVY_LOAD_OK, DiskCheckResult.Verdict.of(9_000_000, 500));
        assertEquals(DiskCheckResult.Verdict.OK, DiskCheckResult.Verdict.of(9_000_000, 499));
        assertEquals(DiskCheckResult.Verdict.TOO_SLOW, DiskCheckResult.Verdict.of(10_000_000, 5000));
        assertEquals(DiskCheckResult.Verdict.TOO_SLOW, DiskCheckResult.Verdict.of(1_000_000, 49));
    }

    @Test
    void aNeighbourOnTheSameHddPushesTheCheckOutOfEtcdsGuidance() {
        HddDisk.Options hdd = HddDisk.Options.defaults();
        // without a journal commit the loop alone passes (one revolution per fdatasync)
        DiskCheckResult alone = DiskCheck.run(new DiskCheck.Options(hdd, List.of(), 1, 2300, 1L << 20, 0,
                FsJournal.Options.none()));
        DiskCheckResult shared = DiskCheck.run(new DiskCheck.Options(hdd,
                List.of(PoissonNeighbour.Options.writes(40, 64)), 1, 2300, 1L << 20, 0, FsJournal.Options.none()));
        assertEquals(DiskCheckResult.Verdict.OK, alone.verdict());
        assertEquals(DiskCheckResult.Verdict.TOO_SLOW, shared.verdict());
        assertTrue(shared.p99Nanos() > 2 * alone.p99Nanos(), alone.p99Nanos() + " -> " + shared.p99Nanos());
    }

    @Test
    void seed001DiskCheckDuringPrometheusHeadBlockFailsWithSecondLongFdatasyncs() {
        // Ceph RBD capped at 1000 IOPS, Prometheus (2 M series, 15 s) on the same VM; the check starts at 01:00:00.05, as the head block is being written
        DiskCheck.Options o = new DiskCheck.Options(CephRbdDisk.Options.withIopsLimit(1000),
                List.of(PrometheusNeighbour.Options.defaults(2_000_000, 15).startingAt(3540)), 1, 2300, 256 * 1024,
                60_050_000_000L);
        DiskCheckResult r = DiskCheck.run(o);
        assertEquals(DiskCheckResult.Verdict.TOO_SLOW, r.verdict());
        assertTrue(r.maxNanos() > 1_000_000_000L && r.maxNanos() < 3_000_000_000L, "slowest fdatasync " + r.maxNanos());
        assertEquals(r, DiskCheck.run(o), "deterministic");
        DiskCheckResult quiet = DiskCheck.run(new DiskCheck.Options(o.disk(), o.neighbours(), 1, 2300, 256 * 1024,
                30_000_000_000L));
        assertTrue(quiet.p99Nanos() < 10_000_000L, "outside the burst: " + quiet.p99Nanos());
    }

    @Test
    void everyPresetRuns() {
        for (String name : DiskCheck.presetNames()) {
            DiskCheckResult r = DiskCheck.run(new DiskCheck.Options(DiskCheck.preset(name), List.of(), 1, 2300,
                    256 * 1024, 0));
            assertTrue(r.fdatasyncs() > 100 && r.iops() > 0, name + ": " + r);
        }
    }
}
