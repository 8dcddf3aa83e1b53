package io.stormglass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.engine.event.Lockstep;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.run.SelfReconcile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass run SCENARIO}: one simulation, its folder and its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario and writes its folder: report.html and charts, summary.json, events.jsonl,",
            "metrics.csv and one etcd-style log per member (default folder: out/<scenario>-<seed>).",
            "The same scenario with the same seed gives the same fingerprint on any machine.",
            "A scenario with checks: (safety, linearizability, liveness) also writes checks.txt and checks.json,",
            "prints the verdict, and exits with 1 if a safety or linearizability check failed, 4 if only liveness did.",
            "The folder is replaced only if it is new, empty or an earlier run's (see --force)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file")
    Path file;

    @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class, description = "the root seed (default: the scenario's)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: the scenario's, or out/<scenario>-<seed>)")
    Path out;

    @Mixin
    SetOptions overrides;

    @Option(names = "--no-report", description = "write the data files only, no charts or report.html")
    boolean noReport;

    @Option(names = "--print-config", description = "print the seed and every resolved parameter before running")
    boolean printConfig;

    @Option(names = "--self-reconcile", description = {"run the scenario twice in lockstep, write nothing, and compare the two event",
        "streams; on the first difference print both events and exit 70 (a determinism bug)"})
    boolean selfReconcile;

    @Mixin
    OutputOptions output;

    /** Runs once the run is assembled, before it simulates: the seam tests use to make a run fail inside. */
    static Runner.AssemblyHook testHook = Runner.AssemblyHook.NONE;

    @Override
    public Integer call() throws IOException {
        Scenario loaded = ScenarioLoader.load(file, overrides.sets);
        loaded.cluster().raft().startupNote().ifPresent(System.err::println);
        Scenario s = seed == null ? loaded : loaded.withSeed(seed);
        if (noReport) {
            OutputSpec o = s.outputs();
            s = s.withOutputs(new OutputSpec(o.dir(), false, o.memberLogs(), o.history()));
        }
        if (selfReconcile) {
            return reconcile(s);
        }
        OutputDestination dir = destination(s);
        String printed = ScenarioPrinter.print(s);
        if (printConfig) {
            System.out.println(printed);
        }
        System.err.printf(Locale.ROOT, "running %s (seed %d, %s simulated)%n", s.name(), s.seed(),
                io.stormglass.scenario.units.Units.formatDuration(s.durationNanos()));
        RunResult r = Runner.run(s, new Runner.Options(dir.target(), reproduce(s), printed, MemberObserver.NONE,
                new ProgressBar(System.err, System.console() != null), System::nanoTime), testHook);
        summarise(r);
        if (r.checks() != null) {
            System.out.print(r.checks().describe());
        }
        return ExitCodes.forChecks(r.checks());
    }

    private static int reconcile(Scenario s) throws IOException {
        System.err.printf(Locale.ROOT, "self-reconcile %s (seed %d): two runs in lockstep, compared event by event%n", s.name(), s.seed());
        SelfReconcile.Outcome o = SelfReconcile.run(s, SelfReconcile.DEFAULT_SLICE_NANOS);
        if (o.identical()) {
            System.out.printf(Locale.ROOT, "self-reconcile: identical, %d events (fingerprint %s)%n", o.comparedEvents(), o.fingerprintA());
            return ExitCodes.OK;
        }
        Lockstep.Divergence d = o.divergence().orElseThrow();
        System.out.printf(Locale.ROOT, "self-reconcile: the runs diverge after %d identical events (a determinism bug in Stormglass)%n",
                o.comparedEvents());
        System.out.println("  run A: " + (d.a() == null ? "no further event" : d.a()));
        System.out.println("  run B: " + (d.b() == null ? "no further event" : d.b()));
        return ExitCodes.INTERNAL_ERROR;
    }

    /** Where the run goes: {@code --out}, else the scenario's {@code outputs.dir}, else {@code out/<scenario>-<seed>}. */
    private OutputDestination destination(Scenario s) {
        if (out != null) {
            return output.folder(out, false, OutputKind.RUN);
        }
        if (s.outputs().dir() != null) {
            return output.scenarioFolder(s.outputs().dir(), file, overrides.sets, OutputKind.RUN);
        }
        return output.defaultFolder(s.name() + "-" + s.seed(), file.toString(), OutputKind.RUN);
    }

    private String reproduce(Scenario s) {
        StringBuilder cmd = new StringBuilder("./stormglass run ").append(file).append(" --seed ").append(s.seed());
        for (String set : overrides.sets) {
            cmd.append(" --set ").append(set);
        }
        return cmd.toString();
    }

    /** Prints the headline numbers, read back from the run's summary.json so that they match it. */
    private static void summarise(RunResult r) throws IOException {
        double simulated = r.scenario().durationNanos() / 1e9;
        System.out.printf(Locale.ROOT, "fingerprint %s; %d events in %.1f s (%.2f M events/s, x%.0f real time)%n",
                r.fingerprint(), r.events(), r.wallSeconds(), r.events() / 1e6 / Math.max(1e-9, r.wallSeconds()),
                simulated / Math.max(1e-9, r.wallSeconds()));
        if (r.outDir() == null) {
            return;
        }
        JsonNode s = new ObjectMapper().readTree(r.outDir().resolve("summary.json").toFile());
        System.out.printf(Locale.ROOT, "leader changes: %d; slow fdatasync warnings: %d; heartbeat send failures: %d%n",
                s.path("leader_changes").asLong(), s.path("slow_fdatasync_warnings").asLong(),
                s.path("heartbeat_send_failures").asLong());
        System.out.printf(Locale.ROOT, "WAL fdatasync p99 %.2f ms, max %.1f ms; client requests %d, errors %s%n",
                s.path("wal_fsync_ms").path("p99").asDouble(), s.path("wal_fsync_ms").path("max").asDouble(),
                s.path("client").path("requests").asLong(), s.path("client").path("errors"));
        if (r.scenario().workload().shape().totalRequests() > 0 && r.load().requests() > 0) {
            // etcd's benchmark tool's two headline figures, for a run that sets workload.requests
            System.out.printf(Locale.ROOT, "load: %d requests (%d ok): %.0f requests/s, average %.3f ms%n",
                    r.load().requests(), r.load().succeeded(), r.load().requestsPerSecond(), r.load().meanLatencyNanos() / 1e6);
        }
        System.out.println("output: " + r.outDir());
        if (r.report() != null) {
            System.out.println("report: " + r.report());
        }
    }
}
