package io.stormglass.disk.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighboursTest {
    private static final long S = 1_000_000_000L;

    private static long ios(Rig rig, String issuer, String op) {
        var c = rig.recorder.counters().get(MetricId.of("disk_ios_total", "device", "d", "issuer", issuer, "op", op));
        return c == null ? 0 : c.total();
    }

    @Test
    void poissonArrivesAtItsRate() {
        Rig rig = new Rig(81);
        BlockDevice d = rig.device("d", NvmeDisk.Options.defaults(true));
        Neighbours.create("p", new PoissonNeighbour.Options(500, 4, 70, 10, 0, 1L << 30), d, rig.env).start();
        rig.sim.runUntil(60 * S);
        long writes = ios(rig, "p", "write");
        long reads = ios(rig, "p", "read");
        assertEquals(30_000, writes + reads, 30_000 * 0.03);
        assertEquals(0.7, (double) writes / (writes + reads), 0.02);
        assertEquals(writes / 10, ios(rig, "p", "flush"), 1);
    }

    @Test
    void periodicBurstMovesItsBytesAndMarksEachBurst() {
        Rig rig = new Rig(82);
        BlockDevice d = rig.device("d", NvmeDisk.Options.defaults(true));
        Neighbours.create("backup", PeriodicBurstNeighbour.Options.writes(10, 64), d, rig.env).start();
        rig.sim.runUntil(35 * S);
        assertEquals(3 * 64 * 2, ios(rig, "backup", "write"), "3 bursts of 64 MiB in 512 KiB");
        assertEquals(3, ios(rig, "backup", "flush"));
        List<TimelineEvent.ActivityMarked> marks = rig.recorder.timeline().eventsOf(TimelineEvent.ActivityMarked.class);
        assertEquals(6, marks.size());
        assertEquals(10 * S, marks.get(0).timeNanos());
        assertTrue(marks.get(0).begins() && !marks.get(1).begins());
    }

    @Test
    void traceReplaysAtItsTimestamps() {
        String csv = "timestamp_micros,op,offset,length\n# a comment\n1000,write,0,4096\n1000,write,4096,4096\n"
                + "2500,flush,,\n3000000,read,0,8192\n";
        assertEquals(4, TraceNeighbour.parse(csv).size());
        assertEquals(IoOp.FLUSH, TraceNeighbour.parse(csv).get(2).op());
        Rig rig = new Rig(83);
        BlockDevice d = rig.device("d", NvmeDisk.Options.defaults(true));
        Neighbours.create("replay", new TraceNeighbour.Options(csv, 5), d, rig.env).start();
        rig.sim.runUntil(7 * S);
        assertEquals(2, ios(rig, "replay", "write"));
        assertEquals(1, ios(rig, "replay", "flush"));
        assertEquals(0, ios(rig, "replay", "read"), "the read is due at 5 s + 3 s");
        rig.sim.runUntil(9 * S);
        assertEquals(1, ios(rig, "replay", "read"));
        List<TimelineEvent.ActivityMarked> marks = rig.recorder.timeline().eventsOf(TimelineEvent.ActivityMarked.class);
        assertEquals(2, marks.size());
        assertEquals(5 * S, marks.get(0).timeNanos());
        assertTrue(marks.get(1).timeNanos() > 8 * S);
        assertThrows(IllegalArgumentException.class, () -> TraceNeighbour.parse("1,write,x,1"));
    }
}
