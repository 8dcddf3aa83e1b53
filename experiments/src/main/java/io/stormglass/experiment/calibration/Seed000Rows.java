package io.stormglass.experiment.calibration;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Seed 000 (a financial cluster's WAL on RAID5): "写放大效应导致fsync延迟达120ms" (write amplification
 * drove fsync to 120 ms, with heartbeat-loss alerts); moved to NVMe, "延迟降至2ms" and the alerts
 * stopped. Expressed by the library's {@code incident-raid5.yaml} (four 7200 rpm HDDs, no
 * controller cache, a busy neighbour) and {@code incident-raid5-nvme.yaml} (the WAL on a consumer
 * NVMe): the WAL fdatasync over all members (p99 on RAID5, where the seed's "reached 120 ms" is
 * the alert; the median on NVMe, where "fell to 2 ms" is the typical figure) and the heartbeat
 * send failures. The quick budget runs 5 simulated minutes on RAID5 and 2 on NVMe (whose faster
 * disk lets ten times more requests through), the full one the scenarios' 30.
 */
final class Seed000Rows {
    private static final String GROUP = "seed-000";
    private static final String SOURCE = "seed 000 (shared/seeds/000_a6feeba1b8d87d64.txt), section 五 典型案例";

    private Seed000Rows() {
    }

    static List<CalibrationRow> rows(Path folder, CalibrationBudget budget, Consumer<String> progress)
            throws InterruptedException {
        String raidDuration = budget.full() ? "30m" : "5m";
        String nvmeDuration = budget.full() ? "30m" : "2m";
        Recorder raid = run(folder.resolve("incident-raid5.yaml"), raidDuration);
        progress.accept("seed 000 on RAID5 done");
        Recorder nvme = run(folder.resolve("incident-raid5-nvme.yaml"), nvmeDuration);
        progress.accept("seed 000 on NVMe done");
        String raidSetup = "WAL on RAID5 (4 × 7200 rpm, no cache) under the neighbour, " + raidDuration;
        String nvmeSetup = "WAL on consumer NVMe, data on the busy RAID5, " + nvmeDuration;
        return List.of(
                new CalibrationRow(GROUP, raidSetup, "WAL fdatasync p99", "ms", 120, walFsyncMillis(raid, 99),
                        Tolerance.between(80, 200), SOURCE + "; 80–200 ms: the seed gives one figure for a load it does "
                                + "not describe"),
                new CalibrationRow(GROUP, raidSetup, "heartbeat send failures", "count", Double.NaN,
                        heartbeatFailures(raid), Tolerance.atLeast(1), SOURCE + ": heartbeat-loss alerts"),
                new CalibrationRow(GROUP, nvmeSetup, "WAL fdatasync p50", "ms", 2, walFsyncMillis(nvme, 50),
                        Tolerance.between(1, 4), SOURCE + "; 1–4 ms: one rounded figure for an unnamed drive (with "
                                + "power-loss protection it would be ~0.1 ms, a consumer drive ~3.5 ms on ext4)"),
                new CalibrationRow(GROUP, nvmeSetup, "heartbeat send failures", "count", 0, heartbeatFailures(nvme),
                        Tolerance.atMost(0), SOURCE + ": the alerts stopped"));
    }

    private static Recorder run(Path file, String duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Scenario s = ScenarioLoader.load(file, List.of("duration=" + duration));
        try {
            RunResult r = Runner.run(s, Runner.Options.inMemory());
            return r.recorder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A percentile of every member's WAL fdatasync, merged, in milliseconds; NaN if none was recorded. */
    static double walFsyncMillis(Recorder recorder, double percentile) {
        Histogram all = new Histogram(1, LatencyRecorder.MAX_TRACKED_NANOS, 3);
        for (LatencyRecorder l : recorder.latencies().values()) {
            if (Metric.WAL_FSYNC_DURATION.is(l.id())) {
                all.add(l.histogramCopy());
            }
        }
        return all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(percentile) / 1e6;
    }

    static long heartbeatFailures(Recorder recorder) {
        long sum = 0;
        for (Counter c : recorder.counters().values()) {
            if (Metric.HEARTBEAT_SEND_FAILURES.is(c.id())) {
                sum += c.total();
            }
        }
        return sum;
    }
}
