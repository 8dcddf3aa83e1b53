package io.stormglass.experiment.fuzz;

import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.engine.probe.ProbeRecorder;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvNumbers;
import io.stormglass.report.csv.CsvRowWriter;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.ChecksSpec;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fuzzing campaign, VOPR-style: for each seed, a random fault schedule drawn from the fault
 * space is added to the scenario, and the run is checked (safety, linearizability, liveness).
 * Seeds run in parallel, one unit of work per seed on a {@link RunEngine} (threads, or Spark tasks);
 * each simulation is single-threaded and deterministic, so a seed's result never depends on the
 * others or on the engine. A failing seed is shrunk to a
 * short schedule and saved as a scenario file that {@code stormglass run} replays event for event;
 * the campaign loads each saved file back and runs it to verify that.
 *
 * <p>Files in the output folder: {@code fuzz.csv} (a row per seed, appended as seeds finish),
 * {@code failures/seed-<seed>.yaml} (the shrunk, replayable scenario) and
 * {@code failures/seed-<seed>.txt} (what the checks found, before and after shrinking) and
 * {@code probes.csv} (per coverage probe: the runs that hit it and its hits). They are
 * streamed into a staging folder beside it ({@link StagingFolder}), which replaces the output
 * folder when the campaign ends; an interrupted campaign leaves the earlier folder as it was.
 * Whether the output folder may be replaced is the caller's decision, taken beforehand
 * ({@link io.stormglass.report.output.OutputDestination}).
 */
public final class FuzzCampaign {
    /** The folder of saved failures inside the campaign's folder. */
    private static final String FAILURES = "failures";
    private static final List<String> CSV_COLUMNS = List.of("seed", "faults", "passed", "failures", "fingerprint", "events",
            "wall_seconds", "shrunk_faults", "saved", "probes_hit", "swarm");
    /** Hears each finished seed (one call at a time, in completion order; on the driver for a distributed engine). */
    @FunctionalInterface
    public interface Listener {
        void finished(int done, int total, SeedOutcome outcome);
    }

    /**
     * @param firstSeed  the first seed; seeds are {@code firstSeed .. firstSeed + seeds - 1}
     * @param seeds      how many seeds to run
     * @param jobs       simulations at once
     * @param space      what the schedules draw from
     * @param outDir     the campaign's folder
     * @param shrinkRuns most runs to spend shrinking each failing seed (0: save the original)
     * @param swarm      each seed draws its own {@link SwarmProfile} (else every kind of the space, uniformly)
     */
    public record Options(long firstSeed, int seeds, int jobs, FaultSpace space, Path outDir, int shrinkRuns, boolean swarm) {
        /** Without swarm testing: every seed mixes the space's kinds uniformly. */
        public Options(long firstSeed, int seeds, int jobs, FaultSpace space, Path outDir, int shrinkRuns) {
            this(firstSeed, seeds, jobs, space, outDir, shrinkRuns, false);
        }
    }

    private final Scenario base;
    private final Options options;
    private final ScenarioSource source;

    /** {@code base} with its checks (every check if it has none); runs on the local engine only. */
    public FuzzCampaign(Scenario base, Options options) {
        this(base, options, null);
    }

    /**
     * {@code base}, loaded from {@code source} (null: the campaign runs on the local engine only),
     * with its checks (every check if it has none).
     */
    public FuzzCampaign(Scenario base, Options options, ScenarioSource source) {
        this.base = base.checks().any() ? base : base.withChecks(ChecksSpec.ALL);
        this.options = options;
        this.source = source;
    }

    /** The scenario a seed runs: the base's own faults, then the drawn schedule. */
    public Scenario scenarioFor(long seed) {
        List<FaultSpec> faults = new ArrayList<>(base.faults());
        faults.addAll(FaultDraw.schedule(base, options.swarm() ? ScheduleGenerator.drawSwarm(base, options.space(), seed)
                : ScheduleGenerator.draw(base, options.space(), seed)));
        return quiet(base.withSeed(seed).withFaults(faults));
    }

    /** Runs every seed on {@code options.jobs()} threads; see {@link #run(RunEngine, Listener)}. */
    public List<SeedOutcome> run(Listener listener) throws IOException, InterruptedException {
        return run(new LocalEngine(options.jobs()), listener);
    }

    /**
     * Runs every seed on {@code engine} (one unit of work per seed), writes the campaign's folder
     * and publishes it; the outcomes come in seed order.
     */
    public List<SeedOutcome> run(RunEngine engine, Listener listener) throws IOException, InterruptedException {
        try (StagingFolder staging = StagingFolder.create(options.outDir())) {
            List<SeedOutcome> outcomes = runInto(staging.dir(), engine, listener);
            staging.publish(OutputKind.FUZZ, command());
            return outcomes;
        }
    }

    private List<SeedOutcome> runInto(Path dir, RunEngine engine, Listener listener) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve(FAILURES));
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < options.seeds(); i++) {
            seeds.add(options.firstSeed() + i);
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("fuzz.csv"), StandardCharsets.UTF_8);
             CsvRowWriter csv = CsvFormat.writer(out)) {
            csv.row(CSV_COLUMNS).flush();
            List<SeedOutcome> outcomes = engine.map(seeds, new FuzzJob(this, source, options), (done, total, seed, o) -> {
                if (o.files() != null) {
                    Files.writeString(dir.resolve(FAILURES).resolve("seed-" + o.seed() + ".yaml"), o.files().scenarioYaml(),
                            StandardCharsets.UTF_8);
                    Files.writeString(dir.resolve(FAILURES).resolve("seed-" + o.seed() + ".txt"), o.files().findings(),
                            StandardCharsets.UTF_8);
                }
                csv.row(csvRow(o)).flush();
                listener.finished(done, total, o);
            });
            writeProbes(dir.resolve("probes.csv"), outcomes);
            return outcomes;
        }
    }

    /** {@code probes.csv}: per probe, whether the default suite must reach it, the runs that hit it and its hits. */
    private static void writeProbes(Path file, List<SeedOutcome> outcomes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvRowWriter csv = CsvFormat.writer(out)) {
            csv.row(List.of("probe", "required", "runs_hit", "hits", "description"));
            for (RaftProbe p : RaftProbe.all()) {
                long runs = outcomes.stream().filter(o -> o.probes().hit(p)).count();
                long hits = outcomes.stream().mapToLong(o -> o.probes().hits(p)).sum();
                csv.row(List.of(p.probeName(), Boolean.toString(p.required()), Long.toString(runs), Long.toString(hits),
                        p.description()));
            }
        }
    }

    /** The marker's command: enough to tell which campaign wrote the folder. */
    private String command() {
        return "stormglass fuzz " + base.file() + " --first-seed " + options.firstSeed() + " --seeds " + options.seeds();
    }

    /**
     * Runs one seed; shrinks it if it fails, and replays the shrunk scenario from a file of its
     * own (a temporary one, deleted after) to verify that it reproduces. The row carries the
     * failure's files for the driver to save under the name they will have once published.
     */
    SeedOutcome runSeed(long seed) throws IOException {
        Scenario s = scenarioFor(seed);
        ProbeCounts probes = new ProbeCounts();
        RunResult r = ProbeRecorder.recording(probes, () -> run(s));
        CheckReport report = r.checks();
        SeedOutcome.Verdict verdict = SeedOutcome.Verdict.of(report);
        String swarm = options.swarm() ? SwarmProfile.draw(options.space(), seed).describe() : null;
        if (report.passed()) {
            return new SeedOutcome(seed, s.faults().size(), verdict, r.fingerprint(), r.events(), r.wallSeconds(), null, -1, 0,
                    false, null, swarm, probes);
        }
        List<String> kinds = report.failureKinds();
        ScheduleShrinker shrinker = new ScheduleShrinker(faults -> failsLike(s.withFaults(faults), kinds), options.shrinkRuns());
        List<FaultSpec> shrunk = options.shrinkRuns() > 0 ? shrinker.shrink(s.faults()) : s.faults();
        Scenario small = s.withFaults(shrunk);
        RunResult smallRun = run(small);
        Path saved = options.outDir().resolve(FAILURES).resolve("seed-" + seed + ".yaml");
        SeedOutcome.FailureFiles files = failureFiles(seed, small, report, smallRun, shrinker.runs(), s.faults().size(), saved);
        boolean verified = replays(files.scenarioYaml(), smallRun);
        return new SeedOutcome(seed, s.faults().size(), verdict, r.fingerprint(), r.events(), r.wallSeconds(), saved.toString(),
                shrunk.size(), shrinker.runs(), verified, files, swarm, probes);
    }

    /** Whether the saved text, loaded back from a file and run, fails again with the shrunk run's fingerprint. */
    private static boolean replays(String yaml, RunResult smallRun) throws IOException {
        Path file = Files.createTempFile("stormglass-replay-", ".yaml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            RunResult replay = run(ScenarioLoader.load(file, List.of()));
            return replay.fingerprint().equals(smallRun.fingerprint()) && !replay.checks().passed();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private boolean failsLike(Scenario s, List<String> kinds) {
        try {
            CheckReport c = run(s).checks();
            return c.failureKinds().stream().anyMatch(kinds::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunResult run(Scenario s) throws IOException {
        return Runner.run(s, Runner.Options.inMemory(System::nanoTime));
    }

    /** No report or logs while fuzzing: outputs are written only by a replay. */
    private static Scenario quiet(Scenario s) {
        OutputSpec o = s.outputs();
        return s.withOutputs(new OutputSpec(o.dir(), false, false, o.history()));
    }

    /** The failure's files: the replayable scenario (its header says how to replay it from {@code shown}) and the findings. */
    private static SeedOutcome.FailureFiles failureFiles(long seed, Scenario small, CheckReport original, RunResult smallRun,
            int shrinkRuns, int originalFaults, Path shown) {
        // a replay writes everything a person needs to look into the failure; none of it changes the run
        OutputSpec o = small.outputs();
        Scenario replayable = small.withOutputs(new OutputSpec(o.dir(), true, true, true));
        String header = String.format(Locale.ROOT,
                "# stormglass fuzz: seed %d failed (%s); shrunk from %d to %d fault(s) in %d runs.%n"
                        + "# Replay it event for event (fingerprint %s): ./stormglass run %s%n",
                seed, String.join(", ", original.failureKinds()), originalFaults, small.faults().size(), shrinkRuns,
                smallRun.fingerprint(), shown);
        return new SeedOutcome.FailureFiles(header + ScenarioPrinter.print(replayable), "original schedule (" + originalFaults
                + " faults):\n" + original.describe() + "\nshrunk schedule (" + small.faults().size() + " faults):\n"
                + smallRun.checks().describe());
    }

    /** A row of {@code fuzz.csv}: failure kinds joined by {@code ;}, wall seconds with 3 decimals. */
    private static List<String> csvRow(SeedOutcome o) {
        return List.of(Long.toString(o.seed()), Integer.toString(o.faults()), Boolean.toString(o.passed()),
                String.join(";", o.checks().failureKinds()), o.fingerprint(), Long.toString(o.events()),
                CsvNumbers.fixed(o.wallSeconds(), 3), Integer.toString(o.shrunkFaults()),
                o.saved() == null ? "" : o.saved(),
                Long.toString(RaftProbe.all().stream().filter(o.probes()::hit).count()),
                o.swarm() == null ? "" : o.swarm());
    }
}
