package io.stormglass.experiment.bench;

import io.stormglass.experiment.fuzz.FaultSpace;
import io.stormglass.experiment.fuzz.FuzzCampaign;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference cases of {@code stormglass bench} (issue 23), built from the scenario library: the
 * incident for a simulated day, in memory and then with its run folder and report as {@code stormglass
 * run} writes them, the safety-fuzz scenario for 100 seeds (each with its drawn fault schedule, as
 * {@code stormglass fuzz} runs it), a five-member cluster under 1 000 requests per second for an hour,
 * and the cross-region cluster for an hour; and the {@linkplain #scaling parallel-scaling case}.
 * {@code quick} shortens each (1 h, 3 seeds, 5 min, 5 min; 4 runs of 20 min) for a smoke test of the
 * command itself.
 */
public final class ReferenceCases {
    /**
     * One case: a name and the scenarios it runs one after the other.
     *
     * @param writesRunFolder whether each run also records and writes everything {@code stormglass run}
     *                        does (metrics, events, the explorer, charts, the report), into a scratch
     *                        folder removed afterwards; otherwise the simulation alone is timed
     */
    public record Case(String name, List<Scenario> scenarios, boolean writesRunFolder) {
        /** A case timed in memory. */
        public Case(String name, List<Scenario> scenarios) {
            this(name, scenarios, false);
        }
    }

    /**
     * The {@link ParallelScaling} case: a warm-up run, then {@code runs} seeds of the same scenario.
     */
    public record ScalingCase(String name, Scenario warmup, List<Scenario> runs) {
    }

    private ReferenceCases() {
    }

    /**
     * Six seeds of the incident for six simulated hours each, as {@code tune-ceph-prometheus.yaml}'s
     * sweep runs it (its runs are six hours of the incident), after an untimed warm-up run of the
     * scenario's own seed; {@code quick}: four seeds of 20 minutes.
     */
    public static ScalingCase scaling(Path library, boolean quick) {
        int runs = quick ? 4 : 6;
        String duration = quick ? "20m" : "6h";
        Scenario incident = load(library, "incident-ceph-prometheus.yaml", duration);
        List<Scenario> seeds = new ArrayList<>();
        for (long seed = 1; seed <= runs; seed++) {
            seeds.add(incident.withSeed(seed));
        }
        return new ScalingCase("parallel-runs-" + runs + "x-incident-" + duration, incident, seeds);
    }

    /** The cases, reading the scenarios from {@code library} (the {@code scenarios/} folder). */
    public static List<Case> all(Path library, boolean quick) {
        List<Scenario> incident = List.of(load(library, "incident-ceph-prometheus.yaml", quick ? "1h" : "24h"));
        return List.of(
                new Case(quick ? "incident-1h" : "incident-24h", incident),
                new Case(quick ? "incident-1h-with-report" : "incident-24h-with-report", incident, true),
                new Case(quick ? "safety-fuzz-3-seeds" : "safety-fuzz-100-seeds", fuzz(library, quick ? 3 : 100)),
                new Case(quick ? "five-members-1000ops-5m" : "five-members-1000ops-1h",
                        List.of(ScenarioLoader.load(library.resolve("client-added-latency.yaml"),
                                List.of("duration=" + (quick ? "5m" : "1h"), "cluster.size=5", "workload.rate=1000/s")))),
                new Case(quick ? "cross-region-5m" : "cross-region-1h",
                        List.of(load(library, "cross-region.yaml", quick ? "5m" : "1h"))));
    }

    private static Scenario load(Path library, String file, String duration) {
        return ScenarioLoader.load(library.resolve(file), List.of("duration=" + duration));
    }

    /** Seeds 1..{@code seeds} of the safety-fuzz scenario with the fuzzer's default fault space. */
    private static List<Scenario> fuzz(Path library, int seeds) {
        Scenario base = ScenarioLoader.load(library.resolve("safety-fuzz.yaml"), List.of());
        FuzzCampaign campaign = new FuzzCampaign(base,
                new FuzzCampaign.Options(1, seeds, 1, FaultSpace.DEFAULT, Path.of("unused"), 0));
        List<Scenario> out = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            out.add(campaign.scenarioFor(seed));
        }
        return out;
    }
}
