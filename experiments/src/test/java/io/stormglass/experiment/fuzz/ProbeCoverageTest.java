package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.probe.CoverageProbe;
import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.engine.probe.ProbeRecorder;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default suite reaches every rare path it is meant to: a fixed swarm campaign over
 * {@code safety-fuzz.yaml} (three members with tiny snapshots, then five) must hit each
 * {@link RaftProbe#required() required} probe at least once. A probe that stops being hit means a
 * change made the schedules miss a corner (or removed the path): the suite has lost power there.
 */
class ProbeCoverageTest {
    /** Seeds per cluster size: enough that every required probe is hit with a margin (see the doc's probe report). */
    private static final int SEEDS = 40;

    @Test
    void theDefaultSchedulesHitEveryRequiredProbe(@TempDir Path dir) throws Exception {
        ProbeCounts total = new ProbeCounts();
        FaultSpace space = new FaultSpace(EnumSet.allOf(FaultKind.class), 20, 3_000_000_000L);
        for (String size : List.of("3", "5")) {
            Scenario base = ScenarioLoader.load(SafetySetup.BASE, List.of("cluster.size=" + size, "cluster.snapshot-count=20",
                    "cluster.snapshot-catch-up-entries=5"));
            FuzzCampaign campaign = new FuzzCampaign(base, new FuzzCampaign.Options(1, SEEDS, 1, space, dir.resolve(size), 0, true));
            for (SeedOutcome o : campaign.run((done, all, x) -> { })) {
                assertTrue(o.passed(), "seed " + o.seed() + " at " + size + " members: " + o.checks().describe());
                total.addAll(o.probes());
            }
        }
        List<RaftProbe> required = RaftProbe.all().stream().filter(RaftProbe::required).toList();
        String report = RaftProbe.all().stream().map(p -> p.probeName() + "=" + total.hits(p)).collect(Collectors.joining(", "));
        assertEquals(List.of(), names(total.neverHit(required)), "required probes never hit; all: " + report);
    }

    @Test
    void probesAreCountedOnlyWhileRecordingAndChangeNoRun() throws Exception {
        Scenario s = ScenarioLoader.load(SafetySetup.BASE, List.of("seed=5", "duration=2s"))
                .withFaults(FaultDraw.schedule(ScenarioLoader.load(SafetySetup.BASE, List.of()),
                        List.of(new FaultDraw(FaultKind.PARTITION, 300, 900, 0b001, 0))));
        ProbeCounts counts = new ProbeCounts();
        RunResult recorded = ProbeRecorder.recording(counts, () -> Runner.run(s, Runner.Options.inMemory()));
        RunResult plain = Runner.run(s, Runner.Options.inMemory());
        assertEquals(plain.fingerprint(), recorded.fingerprint(), "a probe is a counter, never an event");
        assertTrue(RaftProbe.all().stream().anyMatch(counts::hit), "a partition reaches some rare path (rejected appends at least)");
        ProbeCounts untouched = new ProbeCounts();
        RaftProbe.STALE_TERM_MESSAGE.hit(); // no recorder active on this thread: counted nowhere
        assertEquals(0, untouched.hits(RaftProbe.STALE_TERM_MESSAGE));
    }

    private static List<String> names(List<CoverageProbe> probes) {
        return probes.stream().map(CoverageProbe::probeName).toList();
    }
}
