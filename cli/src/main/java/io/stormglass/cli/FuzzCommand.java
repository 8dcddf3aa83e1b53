package io.stormglass.cli;

import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.report.output.OutputKind;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.experiment.fuzz.FaultKind;
import io.stormglass.experiment.fuzz.FaultSpace;
import io.stormglass.experiment.fuzz.FuzzCampaign;
import io.stormglass.experiment.fuzz.SeedOutcome;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.units.Seeds;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass fuzz SCENARIO --seeds N [--jobs K]}: a safety-testing campaign over random fault schedules. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Runs the scenario once per seed, each time with a random fault schedule added (crashes with",
            "power loss, partitions, disk stalls and slow disks, message loss, duplication and reordering, clock",
            "drift), and checks every run: safety invariants on every member, linearizability of the client",
            "history, and progress once the faults end (the scenario's checks:, or all of them). Seeds run in",
            "parallel, one simulation per thread (or Spark task, --engine spark). A failing seed is shrunk and saved as",
            "DIR/failures/seed-<seed>.yaml, which 'stormglass run' replays event for event. DIR is written atomically",
            "when the campaign ends, and replaced only if it is new, empty or an earlier campaign's (see --force).",
            "Swarm testing (default): each seed draws which fault kinds are enabled, how often, how many faults",
            "and how severe (--no-swarm: every kind of --faults, uniformly). At the end the coverage probes are",
            "listed, with the seeds that reached each rare path, and those no seed reached (DIR/probes.csv).",
            "Exit codes: 0 every seed passed, 1 some seed failed a safety or linearizability check,",
            "4 some seed failed liveness only, 2 bad input."})
final class FuzzCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the base scenario (e.g. scenarios/safety-fuzz.yaml)")
    Path file;

    @Option(names = "--seeds", paramLabel = "N", required = true, description = "how many seeds (runs)")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", converter = SeedConverter.class, description = "the first seed (default 1)")
    long firstSeed = 1;

    @Mixin
    JobsOption jobs;

    @Mixin
    EngineOption engine;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/fuzz-<scenario>)")
    Path out;

    @Option(names = "--faults", paramLabel = "KINDS", split = ",",
            description = "fault kinds to draw from (default: all): crash, partition, one-way, flapping, disk-stall, "
                    + "disk-slow, packet-loss, duplicate, reorder, clock-drift; the targeted leader-crash, campaign, move-leader, "
                    + "isolate-leader; member-change (membership changes: only with cluster.spare-members)")
    List<String> faults = new ArrayList<>();

    @Option(names = "--max-faults", paramLabel = "N", description = "most faults per schedule (default 20)")
    int maxFaults = FaultSpace.DEFAULT.maxFaults();

    @Option(names = "--max-fault-duration", paramLabel = "DURATION", description = "longest fault (default 3s)")
    String maxFaultDuration = "3s";

    @Option(names = "--swarm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "each seed draws its own mix of the fault kinds (default; --no-swarm: one uniform mix)")
    boolean swarm = true;

    @Option(names = "--shrink-runs", paramLabel = "N", description = "most runs spent shrinking each failing seed (default 300)")
    int shrinkRuns = 300;

    @Mixin
    SetOptions overrides;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new UserInputException("--seeds: expected at least 1, found " + seeds);
        }
        try {
            Seeds.checkRange(firstSeed, seeds);
        } catch (UnitException e) {
            throw new UserInputException("--first-seed: " + e.getMessage());
        }
        int k = jobs.threads();
        if (maxFaults < 0) {
            throw new UserInputException("--max-faults: expected 0 or more, found " + maxFaults);
        }
        if (shrinkRuns < 0) {
            throw new UserInputException("--shrink-runs: expected 0 or more, found " + shrinkRuns);
        }
        Scenario base = ScenarioLoader.load(file, overrides.sets);
        FaultSpace space = new FaultSpace(kinds(!base.cluster().spares().isEmpty()), maxFaults, maxDurationNanos());
        Path dir = out == null ? Path.of("out", "fuzz-" + base.name()) : out;
        if (out == null) {
            output.defaultFolder("fuzz-" + base.name(), file.toString(), OutputKind.FUZZ);
        } else {
            output.folder(out, false, OutputKind.FUZZ);
        }
        FuzzCampaign campaign = new FuzzCampaign(base, new FuzzCampaign.Options(firstSeed, seeds, k, space, dir, shrinkRuns, swarm),
                ScenarioSource.of(file, overrides.sets));
        try (RunEngine runs = engine.start(k)) {
            return run(campaign, runs, space, dir);
        }
    }

    private Integer run(FuzzCampaign campaign, RunEngine runs, FaultSpace space, Path dir) throws Exception {
        System.err.printf(Locale.ROOT, "fuzz %s: seeds %d..%d, up to %d faults of up to %s each (%s%s), %s, into %s%n",
                campaign.scenarioFor(firstSeed).name(), firstSeed, firstSeed + seeds - 1, maxFaults, maxFaultDuration,
                describe(space), swarm ? "; swarm: a mix per seed" : "", runs.describe(), dir);
        long start = System.nanoTime();
        int[] failing = {0};
        List<SeedOutcome> outcomes = campaign.run(runs, (done, total, o) -> {
            failing[0] += o.passed() ? 0 : 1;
            double wall = (System.nanoTime() - start) / 1e9;
            if (!o.passed()) {
                System.err.printf(Locale.ROOT, "%nseed %d FAILED (%s): shrunk from %d to %d fault(s), saved %s%s%n", o.seed(),
                        String.join(", ", o.checks().failureKinds()), o.faults(), o.shrunkFaults(), o.saved(),
                        o.replayVerified() ? " (replay verified)" : " (REPLAY DID NOT REPRODUCE)");
            }
            System.err.printf(Locale.ROOT, "\r[%d/%d] %d failing, %.1f runs/s, ETA %.0f s   ", done, total, failing[0],
                    done / Math.max(1e-9, wall), wall / done * (total - done));
        });
        System.err.println();
        summarise(outcomes, (System.nanoTime() - start) / 1e9, runs.describe(), dir);
        return ExitCodes.forAllFailureKinds(outcomes.stream().map(o -> o.checks().failureKinds()).toList());
    }

    /** The kinds asked for; by default all, membership changes only when the scenario has spare members to add. */
    private EnumSet<FaultKind> kinds(boolean spares) {
        if (faults.isEmpty()) {
            return spares ? EnumSet.allOf(FaultKind.class) : EnumSet.copyOf(FaultSpace.DEFAULT.kinds());
        }
        Map<String, FaultKind> byName = new TreeMap<>();
        for (FaultKind kind : FaultKind.values()) {
            byName.put(kind.cliName(), kind);
        }
        EnumSet<FaultKind> out = EnumSet.noneOf(FaultKind.class);
        for (String name : faults) {
            FaultKind kind = byName.get(name.strip());
            if (kind == null) {
                throw new UserInputException("--faults: unknown fault kind '" + name + "'; expected some of " + String.join(", ", byName.keySet()));
            }
            out.add(kind);
        }
        if (out.contains(FaultKind.MEMBER_CHANGE) && !spares) {
            throw new UserInputException("--faults: member-change adds spare members; the scenario has none (set cluster.spare-members, "
                    + "such as --set cluster.spare-members=4)");
        }
        return out;
    }

    private long maxDurationNanos() {
        long nanos;
        try {
            nanos = Units.durationNanos(maxFaultDuration);
        } catch (UnitException e) {
            throw new UserInputException("--max-fault-duration: " + e.getMessage());
        }
        if (nanos < 1_000_000L) {
            throw new UserInputException("--max-fault-duration: expected at least 1ms, found " + maxFaultDuration);
        }
        return nanos;
    }

    private static String describe(FaultSpace space) {
        return space.kinds().size() == FaultKind.values().length ? "every kind"
                : String.join(", ", space.kinds().stream().sorted().map(FaultKind::cliName).toList());
    }

    /** The probe report: per probe, the seeds that hit it and its hits per seed; then those never hit. */
    private static void printProbes(List<SeedOutcome> outcomes) {
        System.out.println();
        System.out.printf(Locale.ROOT, "coverage probes (seeds that hit each, of %d; hits per seed):%n", outcomes.size());
        List<String> never = new ArrayList<>();
        for (RaftProbe p : RaftProbe.all()) {
            long runs = outcomes.stream().filter(o -> o.probes().hit(p)).count();
            long hits = outcomes.stream().mapToLong(o -> o.probes().hits(p)).sum();
            System.out.printf(Locale.ROOT, "  %-40s %6d  %9.2f%s%n", p.probeName(), runs, hits / (double) Math.max(1, outcomes.size()),
                    p.required() ? "" : "  (not required)");
            if (runs == 0) {
                never.add(p.probeName());
            }
        }
        System.out.println(never.isEmpty() ? "every probe was hit" : "never hit: " + String.join(", ", never));
    }

    private static void summarise(List<SeedOutcome> outcomes, double wallSeconds, String engine, Path dir) {
        long passed = outcomes.stream().filter(SeedOutcome::passed).count();
        long events = outcomes.stream().mapToLong(SeedOutcome::events).sum();
        long unknown = outcomes.stream().filter(o -> o.checks().linearizabilityUnknown()).count();
        long faults = outcomes.stream().mapToLong(SeedOutcome::faults).sum();
        System.out.printf(Locale.ROOT, "%d runs: %d passed, %d failed; %d faults injected; linearizability unknown (budget) in %d;"
                        + " %.1f M events in %.1f s on %s (%.2f runs/s)%n", outcomes.size(), passed, outcomes.size() - passed,
                faults, unknown, events / 1e6, wallSeconds, engine, outcomes.size() / Math.max(1e-9, wallSeconds));
        Map<String, Integer> byKind = new TreeMap<>();
        for (SeedOutcome o : outcomes) {
            o.checks().failureKinds().forEach(kind -> byKind.merge(kind, 1, Integer::sum));
        }
        if (!byKind.isEmpty()) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-10s %-7s %-7s %-40s %s%n", "seed", "faults", "shrunk", "failure", "replay");
            for (SeedOutcome o : outcomes) {
                if (!o.passed()) {
                    System.out.printf(Locale.ROOT, "%-10d %-7d %-7d %-40s ./stormglass run %s%n", o.seed(), o.faults(),
                            o.shrunkFaults(), String.join(",", o.checks().failureKinds()), o.saved());
                }
            }
            System.out.println();
            byKind.forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %-28s %d seed(s)%n", kind, n));
        }
        printProbes(outcomes);
        System.out.println("results: " + dir.resolve("fuzz.csv") + ", " + dir.resolve("probes.csv"));
    }
}
