package io.stormglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.capacity.CapacityLoader;
import io.stormglass.experiment.capacity.CapacityPlan;
import io.stormglass.experiment.capacity.CapacityRunner;
import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.experiment.failover.FailoverExperiment;
import io.stormglass.experiment.failover.FailoverTrial;
import io.stormglass.experiment.fuzz.FaultKind;
import io.stormglass.experiment.fuzz.FaultSpace;
import io.stormglass.experiment.fuzz.FuzzCampaign;
import io.stormglass.experiment.fuzz.SeedOutcome;
import io.stormglass.report.capacity.CapacityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fuzz, failover and capacity on Spark {@code local[2]} give what the local engine gives. */
class SparkExperimentsTest extends LocalSparkTest {
    @Test
    void fuzzSeedsGiveTheLocalEnginesRows(@TempDir Path dir) throws Exception {
        FaultSpace space = new FaultSpace(EnumSet.allOf(FaultKind.class), 6, 1_000_000_000L);
        List<SeedOutcome> local = fuzz(dir.resolve("local"), space, List.of("duration=4s"), 0, new LocalEngine(2));
        List<SeedOutcome> onSpark = fuzz(dir.resolve("spark"), space, List.of("duration=4s"), 0, spark);
        assertEquals(3, local.size());
        assertEquals(local.stream().map(SparkExperimentsTest::row).toList(), onSpark.stream().map(SparkExperimentsTest::row).toList());
        assertEquals(Fixtures.rowsWithoutWall(dir.resolve("local/fuzz.csv")), Fixtures.rowsWithoutWall(dir.resolve("spark/fuzz.csv")));
    }

    @Test
    void aFailingSeedIsShrunkInItsTaskAndTheDriverSavesItsReplayableScenario(@TempDir Path dir) throws Exception {
        // no cluster meets a 1 ms liveness bound: every seed fails, and shrinking removes every fault
        FaultSpace space = new FaultSpace(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION), 5, 1_000_000_000L);
        List<String> sets = List.of("checks.liveness=1ms", "duration=4s");
        SeedOutcome local = fuzz(dir.resolve("local"), space, sets, 20, new LocalEngine(1)).get(0);
        SeedOutcome onSpark = fuzz(dir.resolve("spark"), space, sets, 20, spark).get(0);
        assertEquals(List.of("LIVENESS"), onSpark.checks().failureKinds());
        assertTrue(onSpark.replayVerified(), "the saved file replays with the shrunk run's fingerprint and fails again");
        assertEquals(row(local), row(onSpark));
        assertEquals(dir.resolve("spark/failures/seed-11.yaml").toString(), onSpark.saved());
        String saved = Files.readString(Path.of(onSpark.saved()));
        assertTrue(saved.startsWith("# stormglass fuzz: seed 11 failed (LIVENESS)"), saved);
        assertEquals(Files.readString(Path.of(local.saved())).replace(dir.resolve("local").toString(), "DIR"),
                saved.replace(dir.resolve("spark").toString(), "DIR"), "the same replayable scenario, saved by the driver");
    }

    private static List<SeedOutcome> fuzz(Path out, FaultSpace space, List<String> sets, int shrinkRuns, RunEngine engine)
            throws Exception {
        ScenarioSource source = ScenarioSource.of(Fixtures.SCENARIOS.resolve("safety-fuzz.yaml"), sets);
        int seeds = shrinkRuns > 0 ? 1 : 3;
        FuzzCampaign campaign = new FuzzCampaign(source.load(), new FuzzCampaign.Options(11, seeds, 2, space, out, shrinkRuns), source);
        return campaign.run(engine, (done, total, o) -> { });
    }

    private static String row(SeedOutcome o) {
        return o.seed() + " " + o.faults() + " " + o.checks().failureKinds() + " " + o.fingerprint() + " " + o.events() + " "
                + o.shrunkFaults() + " " + o.shrinkRuns() + " " + o.replayVerified();
    }

    @Test
    void failoverTrialsAreTheLocalEnginesInTrialOrder() throws Exception {
        ScenarioSource source = ScenarioSource.of(Fixtures.SCENARIOS.resolve("raft-paper-failover.yaml"), List.of());
        long observe = FailoverExperiment.defaultObserveNanos(source.load());
        List<FailoverTrial> local = FailoverExperiment.run(source.load(), source, 6, observe, new LocalEngine(2), done -> { });
        List<FailoverTrial> onSpark = FailoverExperiment.run(source.load(), source, 6, observe, spark, done -> { });
        assertEquals(6, onSpark.size());
        assertEquals(local, onSpark);
    }

    @Test
    void aCapacityStudyIsTheLocalEnginesByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                description: engines
                workload: {mix: {put: 0.5, get: 0.5}}
                ramp: {start: 100/s, factor: 2, max: 200/s, step-duration: 1s, warmup: 1s}
                slo: {put-p99: 25ms}
                current-load: 50/s
                monthly-growth: 5%
                profiles:
                  gp3: {builtin: gp3}
                """);
        CapacityPlan plan = CapacityLoader.load(file);
        String local = CapacityReport.json(CapacityRunner.run(plan, file, new LocalEngine(2), "x", CapacityRunner.Progress.NONE));
        String onSpark = CapacityReport.json(CapacityRunner.run(plan, file, spark, "x", CapacityRunner.Progress.NONE));
        assertTrue(local.contains("gp3"), local);
        assertEquals(local, onSpark);
    }
}
