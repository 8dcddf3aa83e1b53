package io.stormglass.experiment.calibration;

import io.stormglass.experiment.exec.ParallelRuns;
import io.stormglass.run.LoadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Seed 003 (../shared/seeds/003_*, "延迟注入与性能对比"): round trip added with tc between the clients
 * and the cluster, 0 / 10 / 30 ms, gives 2.1 / 11.8 / 32.5 ms per request at a fixed concurrency.
 * Expressed as the library's {@code client-added-latency.yaml} (a copy, {@code seed-003.yaml}, ships
 * beside this class): two closed-loop clients putting 256-byte values, the added round trip split
 * over both directions of the client links ({@code network.client-link.latency.mean} 0.1, 5.1 and
 * 15.1 ms one way). Compared on the mean latency of the puts; ±15 %. Full budget: the scenario's two
 * minutes; quick: 20 s.
 */
public final class Seed003Reference implements Reference {
    public static final String ID = "seed-003";
    static final String SCENARIO = "seed-003.yaml";
    private static final String SOURCE = "seed 003 (../shared/seeds/003_b0bd7e09c17721a0.txt), latency injection table";

    /** Added round trip, its one-way client-link mean, the seed's latency. */
    record Point(int addedRttMs, String oneWayMean, double latencyMs) {
    }

    static final List<Point> POINTS = List.of(new Point(0, "0.1ms", 2.1), new Point(10, "5.1ms", 11.8),
            new Point(30, "15.1ms", 32.5));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Seed 003: added client round trip 0 / 10 / 30 ms against request latency";
    }

    @Override
    public List<CalibrationRow> run(CalibrationBudget budget, Consumer<String> progress) throws InterruptedException {
        List<LoadSummary> measured = ParallelRuns.map(POINTS, budget.jobs(), p -> {
            List<String> sets = new ArrayList<>(List.of("network.client-link.latency.mean=" + p.oneWayMean(),
                    "name=" + ID + "-" + p.addedRttMs() + "ms"));
            if (!budget.full()) {
                sets.add("duration=20s");
            }
            LoadSummary load = ResourceScenarios.measure(ResourceScenarios.load(SCENARIO, sets));
            progress.accept(String.format(Locale.ROOT, "%s +%d ms: %.2f ms per request (published %s ms)", ID, p.addedRttMs(),
                    load.meanLatencyNanos() / 1e6, p.latencyMs()));
            return load;
        });
        List<CalibrationRow> rows = new ArrayList<>();
        for (int i = 0; i < POINTS.size(); i++) {
            Point p = POINTS.get(i);
            rows.add(new CalibrationRow(ID, "+" + p.addedRttMs() + " ms client round trip, 2 clients", "mean put latency",
                    "ms", p.latencyMs(), measured.get(i).meanLatencyNanos() / 1e6, Tolerance.relative(p.latencyMs(), 0.15),
                    SOURCE));
        }
        return rows;
    }
}
