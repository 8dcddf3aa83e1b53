package io.stormglass.cli;

import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.ResumableFolder;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.sweep.PointResult;
import io.stormglass.experiment.sweep.Recommendation;
import io.stormglass.experiment.sweep.Recommender;
import io.stormglass.experiment.sweep.RunRow;
import io.stormglass.experiment.sweep.RunStatus;
import io.stormglass.experiment.sweep.SweepFileLoader;
import io.stormglass.experiment.sweep.SweepReport;
import io.stormglass.experiment.sweep.SweepRunner;
import io.stormglass.experiment.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass sweep SWEEP.yaml [--jobs K] [--out DIR]}: runs a parameter sweep, resumably. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs every point of a sweep file with each of its seeds, one simulation per thread (or Spark task).",
            "Streams one row per finished run to DIR/sweep.csv; running again into the same DIR runs only",
            "what is missing. Writes heatmaps, the Pareto chart, failover CDFs and DIR/sweep-report.html,",
            "and prints the recommended timeouts. DIR must be new, empty or an earlier sweep's (see --force).",
            "Exit codes: 0 done (failed runs are recorded), 2 bad input, 74 the output could not be written."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "sweep file (YAML)")
    Path file;

    @Mixin
    JobsOption jobs;

    @Mixin
    EngineOption engine;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/sweep-<name>)")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = SweepFileLoader.load(file);
        int k = jobs.threads();
        OutputDestination destination = out == null
                ? output.defaultFolder("sweep-" + sweep.name(), file.toString(), OutputKind.SWEEP)
                : output.folder(out, false, OutputKind.SWEEP);
        Path dir = out == null ? Path.of("out", "sweep-" + sweep.name()) : out;
        // a damaged sweep.csv stops us here, before the folder is marked ours
        io.stormglass.experiment.sweep.SweepCsv.read(dir.resolve(SweepRunner.CSV), sweep.variedKeys());
        ResumableFolder.open(destination, output.commandLine());
        SweepRunner.Outcome o;
        long start;
        try (RunEngine runs = engine.start(k)) {
            start = System.nanoTime();
            System.err.printf(Locale.ROOT, "sweep %s: %d points × %d seeds on %s into %s%n", sweep.name(),
                    sweep.points().size(), sweep.seeds().size(), runs.describe(), dir);
            o = SweepRunner.run(sweep, dir, runs, (done, toRun, row) -> progress(start, done, toRun, row));
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<PointResult> points = PointResult.of(sweep, o.rows());
        Recommendation rec = Recommender.recommend(points, sweep.spuriousBudgetPerHour());
        Path page = SweepReport.write(sweep, points, rec, dir);
        System.out.printf(Locale.ROOT, "%d runs: %d skipped (already in sweep.csv), %d run now in %.1f s wall; %d ok, %d invalid, %d failed%n",
                sweep.runs(), o.skipped(), o.ran(), wall, o.count(RunStatus.OK), o.count(RunStatus.INVALID),
                o.count(RunStatus.ERROR));
        System.out.println(rec.text());
        rec.checks().forEach(c -> System.out.printf(Locale.ROOT, "  [%s] %s: %s%n", c.verdict(), c.rule(), c.detail()));
        System.out.println("report: " + page);
        return ExitCodes.OK;
    }

    private static void progress(long start, int done, int toRun, RunRow row) {
        double wall = (System.nanoTime() - start) / 1e9;
        double eta = wall / done * (toRun - done);
        System.err.printf(Locale.ROOT, "[%d/%d] %s seed %d: %s%s (%.0f s elapsed, ETA %.0f s)%n", done, toRun, row.pointId(),
                row.seed(), row.status().text(), row.status() == RunStatus.OK ? "" : " — " + row.error(), wall, eta);
    }
}
