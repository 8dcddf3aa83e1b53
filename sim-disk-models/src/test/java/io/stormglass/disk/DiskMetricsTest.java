package io.stormglass.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import org.junit.jupiter.api.Test;

class DiskMetricsTest {
    private static final long MS = 1_000_000L;

    @Test
    void utilisationQueueDepthAndPerIssuerAccountingFollowTheDevice() {
        Rig rig = new Rig(61);
        rig.recorder.start();
        // one channel, 100 ms flushes, no jitter
        BlockDevice dev = rig.device("n1", new NvmeDisk.Options(false, 100, 100, 100_000, 15, 1, 2000, 0));
        int[] depthSeen = new int[1];
        // 300 ms of work from two issuers (wal: 2 flushes, backend: 1) in the first of 1 s windows
        dev.submit(IoRequest.flush("n1/wal"), r -> { });
        dev.submit(IoRequest.flush("n1/backend"), r -> { });
        dev.submit(IoRequest.flush("n1/wal"), r -> { });
        rig.sim.schedule(50 * MS, Rig.TEST, 0, () -> depthSeen[0] = (int) rig.recorder.gauges()
                .get(MetricId.of("disk_queue_depth", "device", "n1")).sample());
        rig.sim.runUntil(2000 * MS);
        assertEquals(3, depthSeen[0]);
        var util = rig.recorder.gauges().get(MetricId.of("disk_utilisation_ratio", "device", "n1"));
        assertEquals(0.3, util.windowValue(0), 1e-9);
        assertEquals(0.0, util.windowValue(1), 1e-9);
        var counters = rig.recorder.counters();
        long walBusy = counters.get(MetricId.of("disk_busy_nanos_total", "device", "n1", "issuer", "n1/wal")).total();
        long backendBusy = counters.get(MetricId.of("disk_busy_nanos_total", "device", "n1", "issuer", "n1/backend"))
                .total();
        assertEquals(300 * MS, walBusy + backendBusy, 10);
        // while all three wait, the wal has two of them: its share is 2/3, then 1/2, then all
        assertEquals(100 * MS * 2 / 3 + 50 * MS + 0, walBusy - 100 * MS, 10);
        assertEquals(2, counters.get(MetricId.of("disk_ios_total", "device", "n1", "issuer", "n1/wal", "op", "flush"))
                .total());
        var lat = rig.recorder.latencies().get(MetricId.of("disk_io_duration_seconds", "device", "n1", "issuer",
                "n1/wal", "op", "flush"));
        assertEquals(300 * MS, lat.maxNanos(), 300 * MS / 500);
    }

    /**
     * Issuers become busy and idle in an order that is not their order of first use: each busy
     * interval still goes to those with requests outstanding, shared by their counts.
     */
    @Test
    void busyTimeFollowsIssuersComingAndGoingInAnyOrder() {
        Rig rig = new Rig(62);
        rig.recorder.start();
        // one channel, 100 ms per flush, no jitter: flushes run one after the other, in submission order
        BlockDevice dev = rig.device("d", new NvmeDisk.Options(false, 100, 100, 100_000, 15, 1, 2000, 0));
        String[] issuers = {"a", "b", "c"};
        // t=0: a, b, c, a queued; at 100 ms a's first is done; at 150 ms b submits again
        for (String i : new String[] {"a", "b", "c", "a"}) {
            dev.submit(IoRequest.flush(i), r -> { });
        }
        rig.sim.schedule(150 * MS, Rig.TEST, 0, () -> dev.submit(IoRequest.flush("b"), r -> { }));
        rig.sim.runUntil(2000 * MS);
        long[] busy = new long[3];
        for (int k = 0; k < 3; k++) {
            busy[k] = rig.recorder.counters().get(MetricId.of("disk_busy_nanos_total", "device", "d", "issuer",
                    issuers[k])).total();
        }
        // [0,100): a 2, b 1, c 1 of 4; [100,150): a 1, b 1, c 1; [150,200): a 1, b 2, c 1;
        // [200,300): a 1, b 1, c 1 (c done at 300); [300,400): a 1, b 1; [400,500): b alone
        assertEquals(50 * MS + 50 * MS / 3 + 50 * MS / 4 + 100 * MS / 3 + 50 * MS, busy[0], 10);
        assertEquals(25 * MS + 50 * MS / 3 + 100 * MS / 4 + 100 * MS / 3 + 50 * MS + 100 * MS, busy[1], 10);
        assertEquals(25 * MS + 50 * MS / 3 + 50 * MS / 4 + 100 * MS / 3, busy[2], 10);
        assertEquals(500 * MS, busy[0] + busy[1] + busy[2], 10);
    }
}
