package io.stormglass.cli;

import io.stormglass.report.capacity.CapacityReport;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.capacity.CapacityLoader;
import io.stormglass.experiment.capacity.CapacityPlan;
import io.stormglass.experiment.capacity.CapacityRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass capacity CAPACITY.yaml}: ramps each hardware profile and writes the capacity report. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Capacity planning: ramps the offered load on each hardware profile of a capacity file,",
            "finds the maximum throughput under the SLO, the knee of the latency curve and the resource that",
            "saturates first, and writes capacity-report.html and capacity.json. Deterministic: the same file",
            "gives the same numbers whatever --jobs is. Schema: docs/capacity.md. The folder is written atomically",
            "and replaced only if it is new, empty or an earlier capacity study's (see --force)."})
final class CapacityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAPACITY", description = "capacity file (YAML)")
    Path file;

    @Mixin
    JobsOption jobs;

    @Mixin
    EngineOption engine;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder; default out/capacity-<name>")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int threads = jobs.threads();
        CapacityPlan plan = CapacityLoader.load(file);
        OutputDestination destination = out != null ? output.folder(out, false, OutputKind.CAPACITY)
                : output.defaultFolder("capacity-" + plan.name(), file.toString(), OutputKind.CAPACITY);
        Path dir = out != null ? out : Path.of("out", "capacity-" + plan.name());
        String command = "./stormglass capacity " + file + (out != null ? " --out " + out : "");
        System.err.printf(Locale.ROOT, "capacity: %d profiles × up to %d steps of %.0f s, %d in parallel%n",
                plan.profiles().size(), plan.ramp().rates().size(), plan.ramp().stepNanos() / 1e9, threads);
        CapacityStudy study;
        try (StagingFolder staging = StagingFolder.create(destination.target()); RunEngine runs = engine.start(threads)) {
            study = CapacityRunner.run(plan, file, runs, command, CapacityCommand::progress);
            CapacityReport.write(study, staging.dir());
            staging.publish(OutputKind.CAPACITY, output.commandLine());
        }
        Path report = dir.resolve(CapacityReport.HTML);
        for (ProfileOutcome p : study.profiles()) {
            System.out.printf(Locale.ROOT, "%-16s max %8.0f/s%s  knee %s  bottleneck: %s  disk: %s%n", p.name(),
                    p.maxSustainablePerSecond(), p.rampExhausted() ? "+" : " ",
                    Double.isNaN(p.kneePerSecond()) ? "     -  " : String.format(Locale.ROOT, "%6.0f/s", p.kneePerSecond()),
                    p.bottleneck().label(), p.disk().passes() ? "passes" : "fails");
        }
        System.out.println("report: " + report);
        return ExitCodes.OK;
    }

    private static synchronized void progress(String profile, CapacityStep s) {
        System.err.printf(Locale.ROOT, "  %-16s %8.0f/s offered  %8.0f/s achieved  put p99 %7.1f ms  get p99 %7.1f ms  %s%n",
                profile, s.offeredPerSecond(), s.achievedPerSecond(), s.putP99Ms(), s.getP99Ms(),
                s.meetsSlo() ? "ok" : String.join("; ", s.violations()));
    }
}
