package io.stormglass.cli;

import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import io.stormglass.report.sweep.SweepCharts;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.experiment.failover.FailoverCsv;
import io.stormglass.experiment.failover.FailoverDistribution;
import io.stormglass.experiment.failover.FailoverExperiment;
import io.stormglass.experiment.failover.FailoverTrial;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.units.Units;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass failover SCENARIO --trials N [--jobs K]}: the Raft paper's failover experiment (§9.3). */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = {"Crashes the leader at a uniformly random point of its heartbeat interval in N independent",
            "short runs (trial i uses a seed derived from the scenario's seed) and measures the time until every",
            "surviving member knows the new leader. Prints percentiles; writes failover.csv and the CDF chart into",
            "a folder written atomically and replaced only if it is new, empty or an earlier failover's (see --force)."})
final class FailoverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path file;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "100", description = "trials (default: ${DEFAULT-VALUE})")
    int trials;

    @Mixin
    JobsOption jobs;

    @Mixin
    EngineOption engine;

    @Mixin
    SetOptions overrides;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/failover-<name>)")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (trials < 1) {
            throw new UserInputException("--trials: expected at least 1, found " + trials);
        }
        int k = jobs.threads();
        Scenario s = ScenarioLoader.load(file, overrides.sets);
        s.cluster().raft().startupNote().ifPresent(System.err::println);
        OutputDestination destination = out == null
                ? output.defaultFolder("failover-" + s.name(), file.toString(), OutputKind.FAILOVER)
                : output.folder(out, false, OutputKind.FAILOVER);
        Path dir = out == null ? Path.of("out", "failover-" + s.name()) : out;
        try (StagingFolder staging = StagingFolder.create(destination.target()); RunEngine runs = engine.start(k)) {
            run(s, runs, staging.dir());
            staging.publish(OutputKind.FAILOVER, output.commandLine());
            System.out.println("trials: " + dir.resolve("failover.csv") + "; chart: " + dir.resolve("failover-cdf.svg"));
        }
        return ExitCodes.OK;
    }

    /** Runs the trials, writes failover.csv and the chart into {@code dir}, prints the percentiles. */
    private void run(Scenario s, RunEngine runs, Path dir) throws Exception {
        long start = System.nanoTime();
        int every = Math.max(1, trials / 10);
        List<FailoverTrial> results = FailoverExperiment.run(s, ScenarioSource.of(file, overrides.sets), trials,
                FailoverExperiment.defaultObserveNanos(s), runs, done -> {
            if (done % every == 0 || done == trials) {
                System.err.printf(Locale.ROOT, "[%d/%d] trials done, %.1f s%n", done, trials, (System.nanoTime() - start) / 1e9);
            }
        });
        FailoverDistribution d = FailoverDistribution.of(results);
        FailoverCsv.write(results, dir.resolve("failover.csv"));
        String label = "heartbeat " + Units.formatDuration(s.cluster().raft().heartbeatIntervalNanos()) + ", election "
                + Units.formatDuration(s.cluster().raft().electionTimeoutNanos()) + "–"
                + Units.formatDuration(s.cluster().raft().electionTimeoutMaxNanos());
        SweepCharts.cdf(dir, "failover-cdf", "Failover time distribution (CDF): " + s.name(),
                "Time from the leader crash until every survivor has received the new leader's first message (Raft paper §9.3).",
                Map.of(label, d.resolvedMs()));
        System.out.printf(Locale.ROOT, "%s: %d members, %s; %d trials (%d without a new leader in time) in %.1f s wall%n",
                s.name(), s.cluster().size(), label, d.trials(), d.unresolved(), (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "failover ms: min %s  p50 %s  p90 %s  p99 %s  max %s%n", ms(d.percentileMs(0)),
                ms(d.percentileMs(50)), ms(d.percentileMs(90)), ms(d.percentileMs(99)), ms(d.percentileMs(100)));
    }

    private static String ms(double v) {
        return Double.isInfinite(v) ? "none" : String.format(Locale.ROOT, "%.1f", v);
    }
}
