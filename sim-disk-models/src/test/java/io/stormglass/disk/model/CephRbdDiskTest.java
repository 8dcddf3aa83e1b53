package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.neighbour.Neighbours;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CephRbdDiskTest {
    private static final EventKind SAMPLE = EventKind.named("test.sample");
    private static final long TICK = 50_000_000L;

    /** A closed-loop writer keeping {@code inFlight} small writes queued at all times. */
    private static PeriodicBurstNeighbour.Options saturating(int inFlight) {
        return new PeriodicBurstNeighbour.Options(1_000_000, 0, 1L << 20, 4, inFlight, true, false, 1L << 30,
                1L << 40);
    }

    @Test
    void totalIopsNeverExceedLimitPlusBurstAndSettleAtTheLimit() {
        Rig rig = new Rig(11);
        CephRbdDisk rbd = (CephRbdDisk) rig.device("vm1", CephRbdDisk.Options.withIopsLimit(1000));
        Neighbours.create("hog", saturating(256), rbd, rig.env).start();
        List<Long> perSecond = new ArrayList<>();
        long[] last = {0};
        for (int s = 1; s <= 10; s++) {
            rig.sim.scheduleAt(s * 1_000_000_000L, SAMPLE, 0, () -> {
                perSecond.add(rbd.throttlePassed() - last[0]);
                last[0] = rbd.throttlePassed();
            });
        }
        rig.sim.runUntil(10_000_000_000L);
        for (long n : perSecond) {
            assertTrue(n <= 1000 + 1000, "limit + burst exceeded: " + perSecond);
        }
        assertTrue(perSecond.get(0) > 1500, "the full bucket bursts in the first second: " + perSecond);
        for (long n : perSecond.subList(2, perSecond.size())) {
            assertEquals(1000, n, 1000 * 0.05, "steady state at the limit: " + perSecond);
        }
    }

    @Test
    void fsyncLoopLatencyGrowsInStepsOfTheReleaseTick() {
        Rig rig = new Rig(12);
        CephRbdDisk rbd = (CephRbdDisk) rig.device("vm1", CephRbdDisk.Options.withIopsLimit(1000));
        Neighbours.create("hog", saturating(120), rbd, rig.env).start();
        rig.sim.runUntil(3_000_000_000L); // drain the burst bucket first
        List<Long> fsyncs = new ArrayList<>();
        Runnable[] iteration = new Runnable[1];
        iteration[0] = () -> {
            long start = rig.sim.nowNanos();
            rbd.submit(IoRequest.write("etcd", 0, 8192), w -> rbd.submit(IoRequest.flush("etcd"), f -> {
                fsyncs.add(rig.sim.nowNanos() - start);
                if (fsyncs.size() < 200) {
                    rig.sim.schedule(0, Rig.TEST, 0, iteration[0]::run);
                } else {
                    rig.sim.stop();
                }
            }));
        };
        rig.sim.schedule(0, Rig.TEST, 0, iteration[0]::run);
        rig.sim.run();
        java.util.TreeSet<Long> steps = new java.util.TreeSet<>();
        for (long l : fsyncs.subList(5, fsyncs.size())) {
            long k = Math.round((double) l / TICK);
            assertTrue(k >= 1, "every fsync waits at least a tick behind the queue: " + l);
            assertEquals(k * TICK, l, 6_000_000, "fsync latency sits on a multiple of the 50 ms tick");
            steps.add(k);
        }
        // 120 queued writes at 50 per tick: the write waits 2-3 ticks and its flush as many again
        assertTrue(steps.first() >= 2 && steps.size() >= 2, "steps " + steps);
    }

    @Test
    void flushWaitsForEveryWriteSubmittedBeforeItButNotAfter() {
        Rig rig = new Rig(15);
        CephRbdDisk.Options d = CephRbdDisk.Options.withIopsLimit(20); // one token per 50 ms tick, bucket of 20
        BlockDevice rbd = rig.device("vm1", d);
        List<long[]> done = new ArrayList<>(); // {id, time}
        for (int i = 0; i < 22; i++) {
            int id = i;
            rbd.submit(IoRequest.write("w", (long) i * 4096, 4096), r -> done.add(new long[] {id, r.completedAtNanos()}));
        }
        rbd.submit(IoRequest.flush("f"), r -> done.add(new long[] {-1, r.completedAtNanos()}));
        rbd.submit(IoRequest.write("late", 0, 4096), r -> done.add(new long[] {99, r.completedAtNanos()}));
        rig.sim.run();
        long flushAt = done.stream().filter(e -> e[0] == -1).findFirst().orElseThrow()[1];
        long lastEarlierWrite = done.stream().filter(e -> e[0] >= 0 && e[0] < 22).mapToLong(e -> e[1]).max().orElseThrow();
        long lateWrite = done.stream().filter(e -> e[0] == 99).findFirst().orElseThrow()[1];
        assertTrue(lastEarlierWrite >= 2 * TICK, "writes 21 and 22 wait for ticks: " + lastEarlierWrite);
        assertEquals(lastEarlierWrite, flushAt, "the flush completes with the last write before it");
        assertTrue(lateWrite > flushAt, "a later write is not waited for (it queues behind them in the bucket)");
    }

    @Test
    void unthrottledQd1WriteTakesAboutOneMillisecond() {
        Rig rig = new Rig(13);
        BlockDevice rbd = rig.device("vm1", CephRbdDisk.Options.withIopsLimit(0));
        List<Long> lat = rig.loop(rbd, 2000, i -> IoRequest.write("t", (long) i * 4096, 4096));
        assertEquals(1.0, Rig.percentile(lat, 50) / 1e6, 0.35, "median write ms");
    }

    @Test
    void imagesOnOneClusterShareItsOsds() {
        Rig alone = new Rig(14);
        BlockDevice quiet = alone.device("vm2", CephRbdDisk.Options.withIopsLimit(0));
        double aloneMs = Rig.mean(alone.loop(quiet, 300, i -> IoRequest.write("etcd", (long) i * 4096, 4096))) / 1e6;

        Rig shared = new Rig(14);
        BlockDevice busy = shared.device("vm1", CephRbdDisk.Options.withIopsLimit(0));
        BlockDevice victim = shared.device("vm2", CephRbdDisk.Options.withIopsLimit(0));
        PeriodicBurstNeighbour.Options heavy = new PeriodicBurstNeighbour.Options(1_000_000, 0, 1L << 20, 1024, 512,
                true, false, 1L << 30, 1L << 40);
        Neighbours.create("batch", heavy, busy, shared.env).start();
        double sharedMs = Rig.mean(shared.loop(victim, 300, i -> IoRequest.write("etcd", (long) i * 4096, 4096))) / 1e6;
        assertTrue(sharedMs > 3 * aloneMs, "another VM's load on the same OSDs: " + aloneMs + " -> " + sharedMs + " ms");
        CephCluster.Options other = new CephCluster.Options(3, 3, 200, 300, 16, 4L << 20,
                NvmeDisk.Options.defaults(true), 0.3);
        CephRbdDisk.Options d = CephRbdDisk.Options.withIopsLimit(0);
        assertThrows(IllegalArgumentException.class, () -> shared.device("vm3", new CephRbdDisk.Options(
                d.clusterName(), other, 0, 0, 1, 0, 0, 1, 50, 1024)), "one cluster name, one configuration");
    }
}
