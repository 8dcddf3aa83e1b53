package io.stormglass.disk.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyDeviceTest {
    private static final long MS = 1_000_000L;

    /** 1 ms flushes, no jitter. */
    private static NvmeDisk.Options steady() {
        return new NvmeDisk.Options(false, 100, 100, 1000, 15, 4, 2000, 0);
    }

    @Test
    void stallHoldsRequestsAndCompletionsUntilItEnds() {
        Rig rig = new Rig(41);
        FaultyDevice dev = new FaultyDevice(rig.device("n1", steady()), rig.env);
        dev.schedule(10 * MS, 500 * MS, new DeviceFault.Stall());
        List<IoResult> results = new ArrayList<>();
        rig.sim.scheduleAt(10 * MS + 1, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("wal"), results::add));
        rig.sim.scheduleAt(9_500_000, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("wal"), results::add));
        rig.sim.run();
        assertEquals(2, results.size());
        // the one in flight when the stall began completes at its end; the one submitted during it starts then
        assertEquals(510 * MS, results.get(0).completedAtNanos());
        assertEquals(511 * MS, results.get(1).completedAtNanos());
        List<TimelineEvent.FaultChanged> faults = rig.recorder.timeline().eventsOf(TimelineEvent.FaultChanged.class);
        assertEquals(2, faults.size());
        assertEquals("disk/n1", faults.get(0).target());
        assertTrue(faults.get(0).active() && !faults.get(1).active());
    }

    @Test
    void slowMultipliesLatencyAndSwitchingOffRestoresIt() {
        Rig rig = new Rig(42);
        FaultyDevice dev = new FaultyDevice(rig.device("n1", steady()), rig.env);
        DeviceFault slow = new DeviceFault.Slow(5);
        dev.activate(slow);
        assertEquals(5 * MS, rig.io(dev, IoRequest.flush("wal")).latencyNanos());
        DeviceFault slower = new DeviceFault.Slow(20);
        dev.activate(slower);
        assertEquals(20 * MS, rig.io(dev, IoRequest.flush("wal")).latencyNanos(), "the slowest applies; they do not compound");
        dev.deactivate(slower);
        dev.deactivate(slow);
        assertEquals(MS, rig.io(dev, IoRequest.flush("wal")).latencyNanos());
    }

    @Test
    void aSlowDownStretchesServiceTimeNotTheTimeHeldByAStall() {
        Rig rig = new Rig(45);
        FaultyDevice dev = new FaultyDevice(rig.device("n1", steady()), rig.env);
        dev.schedule(0, 1_000 * MS, new DeviceFault.Stall());
        dev.schedule(500 * MS, 5_000 * MS, new DeviceFault.Slow(17));
        List<IoResult> results = new ArrayList<>();
        rig.sim.scheduleAt(10 * MS, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("wal"), results::add));
        rig.sim.run();
        // held 990 ms by the stall, then a 1 ms flush 17 times slower; not 17 × 991 ms (found by the safety suite:
        // a WAL write held by a stall under a slow-down came back 20 s later)
        assertEquals(1_000 * MS + 17 * MS, results.get(0).completedAtNanos());
    }

    @Test
    void healAllReleasesAStallAndCancelsLaterFaults() {
        Rig rig = new Rig(44);
        FaultyDevice dev = new FaultyDevice(rig.device("n1", steady()), rig.env);
        dev.schedule(0, 5_000 * MS, new DeviceFault.Stall());
        dev.schedule(2_000 * MS, 1_000 * MS, new DeviceFault.Slow(50));
        List<IoResult> results = new ArrayList<>();
        rig.sim.scheduleAt(10 * MS, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("wal"), results::add));
        rig.sim.scheduleAt(1_000 * MS, Rig.TEST, 0, dev::healAll);
        rig.sim.scheduleAt(2_500 * MS, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("wal"), results::add));
        rig.sim.run();
        assertEquals(1_001 * MS, results.get(0).completedAtNanos(), "held by the stall until the heal");
        assertEquals(MS, results.get(1).latencyNanos(), "the slow-down scheduled for 2 s never started");
        assertTrue(!dev.isActive(new DeviceFault.Stall()));
    }

    @Test
    void flushErrorAndNoSpaceAreReportedAsValues() {
        Rig rig = new Rig(43);
        FaultyDevice dev = new FaultyDevice(rig.device("n1", steady()), rig.env);
        dev.activate(new DeviceFault.FlushError());
        assertEquals(IoStatus.EIO, rig.io(dev, IoRequest.flush("wal")).status());
        assertEquals(IoStatus.OK, rig.io(dev, IoRequest.write("wal", 0, 4096)).status());
        dev.deactivate(new DeviceFault.FlushError());
        assertEquals(IoStatus.OK, rig.io(dev, IoRequest.flush("wal")).status());
        dev.activate(new DeviceFault.NoSpace());
        assertEquals(IoStatus.ENOSPC, rig.io(dev, IoRequest.write("wal", 0, 4096)).status());
        assertEquals(IoStatus.OK, rig.io(dev, IoRequest.read("wal", 0, 4096)).status());
    }
}
