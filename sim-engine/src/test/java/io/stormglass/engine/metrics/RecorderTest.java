package io.stormglass.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecorderTest {
    private static final long S = 1_000_000_000L;
    private static final EventKind K = EventKind.named("test.record");

    @Test
    void countersAndLatenciesAreSplitIntoWindows() {
        Simulation sim = new Simulation();
        Recorder rec = new Recorder(sim, S, 1_000, 100);
        rec.start();
        Counter c = rec.counter(MetricId.of("etcd_server_leader_changes_seen_total", "member", "n1"));
        LatencyRecorder l = rec.latency(MetricId.of("etcd_disk_wal_fsync_duration_seconds", "member", "n1"));
        sim.scheduleAt(S / 2, K, 0, () -> {
            c.increment();
            l.record(2_000_000);
        });
        sim.scheduleAt(2 * S + 1, K, 0, () -> {
            c.add(3);
            l.record(2_140_000_000L);
        });
        sim.runUntil(3 * S);
        assertEquals(3, rec.closedWindows());
        assertEquals(1, c.windowValue(0));
        assertEquals(0, c.windowValue(1));
        assertEquals(3, c.windowValue(2));
        assertEquals(4, c.total());
        assertEquals(1, l.windowRow(0)[LatencyRecorder.COUNT]);
        assertEquals(0, l.windowRow(1)[LatencyRecorder.COUNT]);
        assertEquals(2_140_000_000L, (long) l.windowRow(2)[LatencyRecorder.MAX]);
        assertEquals(2.14e9, l.windowRow(2)[LatencyRecorder.P99], 2.14e9 * 0.01);
        assertEquals(2, l.count());
        assertEquals(2.14e9, l.maxNanos(), 2.14e9 * 0.001);
    }

    @Test
    void gaugesAreSampledAtEachWindowEnd() {
        Simulation sim = new Simulation();
        Recorder rec = new Recorder(sim, S, 1_000, 100);
        rec.start();
        double[] depth = {0};
        Gauge g = rec.gauge(MetricId.of("disk_queue_depth", "device", "vda"), () -> depth[0]);
        sim.scheduleAt(S / 2, K, 0, () -> depth[0] = 7);
        sim.scheduleAt(S + S / 2, K, 0, () -> depth[0] = 2);
        sim.runUntil(2 * S);
        assertEquals(7, g.windowValue(0));
        assertEquals(2, g.windowValue(1));
    }

    @Test
    void coarseningLeavesTheEventTraceAsItIs() {
        long[] fingerprints = new long[2];
        long[] events = new long[2];
        int[] bounds = {8, 1024};
        for (int run = 0; run < 2; run++) {
            Simulation sim = new Simulation();
            Recorder rec = new Recorder(sim, S, bounds[run], 100);
            rec.start();
            Counter c = rec.counter(MetricId.of("ticks"));
            for (int i = 0; i < 100; i++) {
                sim.scheduleAt(i * S + 1, K, 0, c::increment);
            }
            sim.runUntil(100 * S);
            fingerprints[run] = sim.fingerprint().value();
            events[run] = sim.dispatchedEvents();
        }
        assertEquals(events[1], events[0], "a window event at every base window, coarsened or not");
        assertEquals(fingerprints[1], fingerprints[0]);
    }

    @Test
    void memoryStaysBoundedByCoarseningWindowsPairwise() {
        Simulation sim = new Simulation();
        Recorder rec = new Recorder(sim, S, 8, 100);
        rec.start();
        Counter c = rec.counter(MetricId.of("ticks"));
        for (int i = 0; i < 100; i++) {
            sim.scheduleAt(i * S + 1, K, 0, c::increment);
        }
        sim.runUntil(100 * S);
        assertTrue(rec.closedWindows() < 8, "rows stay below the bound: " + rec.closedWindows());
        assertEquals(16 * S, rec.windowNanos(), "100 windows at a bound of 8 coarsen to 16 s");
        long sum = 0;
        for (int i = 0; i < c.windowCount(); i++) {
            sum += c.windowValue(i);
            assertEquals(16, c.windowValue(i), "each merged window holds 16 increments");
        }
        assertEquals(rec.closedWindows(), c.windowCount());
        assertEquals(96, sum, "6 full windows of 16 s; the last 4 s are still open");
    }

    @Test
    void metricIdsAreCanonicalAndOrdered() {
        MetricId a = MetricId.of("m", "b", "2", "a", "1");
        assertEquals("a=1,b=2", a.labels());
        assertEquals("m{a=1,b=2}", a.toString());
        assertEquals("1", a.label("a"));
        assertTrue(MetricId.of("a").compareTo(MetricId.of("b")) < 0);
    }

    @Test
    void theTimelineKeepsABoundedPrefixAndStreamsEverything() {
        Simulation sim = new Simulation();
        Recorder rec = new Recorder(sim, S, 100, 3);
        int[] streamed = {0};
        rec.timeline().addListener(e -> streamed[0]++);
        for (int i = 0; i < 5; i++) {
            rec.timeline().append(new TimelineEvent.ElectionStarted(i, 1, i, false));
        }
        rec.timeline().append(new TimelineEvent.WarningLogged(9, 2, "slow fdatasync",
                java.util.Map.of("took", "2.14s", "expected-duration", "1s")));
        assertEquals(6, streamed[0]);
        assertEquals(3, rec.timeline().events().size());
        assertEquals(3, rec.timeline().droppedCount());
        assertEquals(List.of(), rec.timeline().eventsOf(TimelineEvent.WarningLogged.class));
    }
}
