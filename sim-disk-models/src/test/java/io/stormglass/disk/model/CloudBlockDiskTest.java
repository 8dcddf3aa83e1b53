package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.neighbour.Neighbours;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import org.junit.jupiter.api.Test;

class CloudBlockDiskTest {
    @Test
    void gp3HoldsProvisionedIopsUnderSaturationAndSingleDigitMsAtQd1() {
        Rig rig = new Rig(71);
        BlockDevice gp3 = rig.device("ebs", CloudBlockDisk.Options.gp3());
        var qd1 = rig.loop(gp3, 500, i -> IoRequest.write("etcd", (long) i * 4096, 4096));
        assertTrue(Rig.percentile(qd1, 99) < 10_000_000L, "single-digit ms");

        Rig sat = new Rig(72);
        BlockDevice vol = sat.device("ebs", CloudBlockDisk.Options.gp3());
        Neighbours.create("load", new PeriodicBurstNeighbour.Options(1_000_000, 0, 1L << 20, 4, 256, true, false, 0,
                1L << 40), vol, sat.env).start();
        sat.sim.runUntil(5_000_000_000L);
        long ios = sat.recorder.counters().get(MetricId.of("disk_ios_total", "device", "ebs", "issuer", "load", "op",
                "write")).total();
        assertEquals(3000 * 5, ios, 3000 * 5 * 0.03, "provisioned IOPS");
    }

    @Test
    void throughputLimitCapsLargeIos() {
        Rig sat = new Rig(73);
        BlockDevice vol = sat.device("ebs", CloudBlockDisk.Options.gp3());
        Neighbours.create("load", new PeriodicBurstNeighbour.Options(1_000_000, 0, 1L << 20, 1024, 64, true, false, 0,
                1L << 40), vol, sat.env).start();
        sat.sim.runUntil(4_000_000_000L);
        long bytes = sat.recorder.counters().get(MetricId.of("disk_bytes_total", "device", "ebs", "issuer", "load",
                "op", "write")).total();
        assertEquals(125.0 * 4, bytes / 1048576.0, 125 * 4 * 0.05, "MiB in 4 s at 125 MiB/s");
    }

    @Test
    void gp2BurstsUntilItsCreditsAreSpentThenFallsToBaseline() {
        Rig rig = new Rig(74);
        CloudBlockDisk.Options d = CloudBlockDisk.Options.gp2(100); // 300 IOPS baseline
        // a small balance so the test is short: 27 000 credits drain at 3000 - 300 = 2700/s, i.e. in 10 s
        CloudBlockDisk.Options small = new CloudBlockDisk.Options(d.iopsLimit(), d.throughputMiBps(), d.burstIops(),
                27_000, d.qosTickMillis(), d.ioUnitKiB(), d.writeLatencyMicros(), d.readLatencyMicros(),
                d.flushLatencyMicros(), d.channels(), d.jitterSigma());
        BlockDevice vol = rig.device("d", small);
        Neighbours.create("load", new PeriodicBurstNeighbour.Options(1_000_000, 0, 1L << 20, 4, 256, true, false, 0,
                1L << 40), vol, rig.env).start();
        rig.sim.runUntil(5_000_000_000L);
        long first = writes(rig);
        rig.sim.runUntil(15_000_000_000L);
        long middle = writes(rig) - first;
        rig.sim.runUntil(20_000_000_000L);
        long last = writes(rig) - first - middle;
        assertEquals(3000 * 5, first, 3000 * 5 * 0.03, "bursting at the peak");
        assertEquals(300 * 5, last, 300 * 5 * 0.05, "baseline once the credits are gone");
        assertTrue(middle < 3000 * 10 && middle > 300 * 10, "credits run out in between: " + middle);
    }

    private static long writes(Rig rig) {
        return rig.recorder.counters().get(MetricId.of("disk_ios_total", "device", "d", "issuer", "load", "op",
                "write")).total();
    }
}
