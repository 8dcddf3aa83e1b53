package io.stormglass.disk.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusNeighbourTest {
    private static final EventKind PROBE = EventKind.named("test.probe");
    private static final long S = 1_000_000_000L;

    /** Seed 001: Prometheus with 2 M series scraped every 15 s on a VM whose RBD image is capped at 1000 IOPS. */
    @Test
    void headBlockWriteStarvesAnotherIssuersFdatasyncBehindTheThrottle() {
        Rig rig = new Rig(21);
        BlockDevice rbd = rig.device("vm1", CephRbdDisk.Options.withIopsLimit(1000));
        // the simulation starts at 00:59:00 UTC, so the head block of [22:00, 00:00) is cut at 01:00:00, t = 60 s
        PrometheusNeighbour.Options prom = PrometheusNeighbour.Options.defaults(2_000_000, 15).startingAt(3540);
        PrometheusNeighbour prometheus = new PrometheusNeighbour("prometheus", prom, rbd, rig.env);
        prometheus.start();
        assertEquals(60 * S, prometheus.nextHeadBlockNanos());

        SimFileSystem fs = new SimFileSystem(rig.sim, rbd, rig.env.random("fs"), "n1/wal");
        DataFile wal = fs.open("wal");
        List<long[]> probes = new ArrayList<>(); // {start, latency}
        for (long at : new long[] {32 * S, 41 * S, 50 * S, 65 * S, 60_100_000_000L, 60_400_000_000L, 60_700_000_000L}) {
            rig.sim.scheduleAt(at, PROBE, 0, () -> {
                wal.append(new byte[8192], 0, 8192);
                wal.sync(r -> probes.add(new long[] {at, r.latencyNanos()}));
            });
        }
        rig.sim.runUntil(120 * S);

        assertEquals(7, probes.size());
        probes.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] p : List.of(probes.get(0), probes.get(1), probes.get(2), probes.get(6))) {
            assertTrue(p[1] < 10_000_000L, "outside the burst an 8 KiB write+fdatasync takes a few ms: " + p[1]);
        }
        for (long[] p : probes.subList(3, 6)) {
            // its write queues behind ~1000 writeback requests (1 s at 1000 IOPS), then its flush waits for the
            // writeback submitted before it: seed 001 logged "slow fdatasync took 2.14s"
            assertTrue(p[1] > S && p[1] < 3 * S, "during the head-block write it waits more than 1 s: " + p[1]);
        }
        List<TimelineEvent.ActivityMarked> marks = rig.recorder.timeline().eventsOf(TimelineEvent.ActivityMarked.class);
        assertEquals("head-block", marks.get(0).label());
        assertTrue(marks.get(0).begins());
        assertEquals(60 * S, marks.get(0).timeNanos());
        assertTrue(!marks.get(1).begins() && marks.get(1).label().equals("head-block"));
        double burstSeconds = (marks.get(1).timeNanos() - marks.get(0).timeNanos()) / 1e9;
        // 1.55 GB in 512 KiB requests = ~2950 I/Os through a 1000 IOPS bucket that starts with 1000 tokens
        assertEquals(1.95, burstSeconds, 0.3, "head-block burst duration");
        assertEquals(1_548_000_000L, prom.headBlockBytes(), 1_000_000);
        // one fsync per file: 3 chunk segments of up to 512 MiB for 1.248 GB, and the index
        assertEquals(4, rig.recorder.counters().get(io.stormglass.engine.metrics.MetricId.of("disk_ios_total",
                "device", "vm1", "issuer", "prometheus", "op", "flush")).total());
    }

    @Test
    void sameSeedSameFingerprint() {
        long[] fingerprints = new long[3];
        for (int run = 0; run < 3; run++) {
            Rig rig = new Rig(run < 2 ? 23 : 24);
            BlockDevice rbd = rig.device("vm1", CephRbdDisk.Options.withIopsLimit(1000));
            new PrometheusNeighbour("prometheus", PrometheusNeighbour.Options.defaults(200_000, 15).startingAt(3590),
                    rbd, rig.env).start();
            Neighbours.create("noise", PoissonNeighbour.Options.writes(50, 8), rbd, rig.env).start();
            rig.sim.runUntil(40 * S);
            fingerprints[run] = rig.sim.fingerprint().value();
        }
        assertEquals(fingerprints[0], fingerprints[1]);
        assertTrue(fingerprints[0] != fingerprints[2], "another seed, another run");
    }

    @Test
    void headBlocksComeEveryTwoHoursAtOnePastTheEvenHourWithCompactions() {
        Rig rig = new Rig(22);
        BlockDevice rbd = rig.device("vm1", CephRbdDisk.Options.withIopsLimit(0));
        PrometheusNeighbour.Options prom = PrometheusNeighbour.Options.defaults(10_000, 15);
        PrometheusNeighbour prometheus = new PrometheusNeighbour("prometheus", prom, rbd, rig.env);
        prometheus.start();
        rig.sim.runUntil(24 * 3600 * S);
        assertEquals(12, prometheus.headBlocksWritten());
        List<TimelineEvent.ActivityMarked> begins = new ArrayList<>();
        for (var m : rig.recorder.timeline().eventsOf(TimelineEvent.ActivityMarked.class)) {
            if (m.begins()) {
                begins.add(m);
            }
        }
        List<Long> headHours = new ArrayList<>();
        long sixHour = 0;
        long eighteenHour = 0;
        for (var m : begins) {
            switch (m.label()) {
                case "head-block" -> headHours.add(m.timeNanos() / (3600 * S));
                case "compaction-6h" -> sixHour++;
                case "compaction-18h" -> eighteenHour++;
                default -> throw new AssertionError(m.label());
            }
        }
        assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L, 21L, 23L), headHours);
        // 6 h ranges ending at 00, 06, 12, 18 compact once a newer block exists (cut at 03, 09, 15, 21)
        assertEquals(4, sixHour);
        // epoch-aligned 18 h ranges ending at 00:00 and 18:00 of day one compact at 03:00 and 21:00
        assertEquals(2, eighteenHour);
    }
}
