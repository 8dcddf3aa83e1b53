package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCampaignTest {
    private static Scenario base(String... sets) {
        return ScenarioLoader.load(SafetySetup.BASE, List.of(sets));
    }

    @Test
    void aSeedsScheduleAndRunDoNotDependOnTheOtherSeedsOrTheThreadCount(@TempDir Path dir) throws Exception {
        FaultSpace space = new FaultSpace(java.util.EnumSet.allOf(FaultKind.class), 6, 1_000_000_000L);
        List<String> serial = fingerprints(new FuzzCampaign(base(), new FuzzCampaign.Options(11, 4, 1, space, dir.resolve("a"), 0)));
        List<String> parallel = fingerprints(new FuzzCampaign(base(), new FuzzCampaign.Options(11, 4, 2, space, dir.resolve("b"), 0)));
        assertEquals(serial, parallel);
        assertEquals(4, serial.stream().distinct().count(), "four seeds, four different runs");
        List<String> csv = Files.readAllLines(dir.resolve("b/fuzz.csv"));
        assertEquals(5, csv.size(), "a header and a row per seed: " + csv);
        assertEquals(ScheduleGenerator.draw(base(), space, 12), ScheduleGenerator.draw(base(), space, 12));
    }

    private static List<String> fingerprints(FuzzCampaign campaign) throws Exception {
        List<String> out = new ArrayList<>();
        campaign.run((done, total, o) -> { }).forEach(o -> {
            assertTrue(o.passed(), o.checks().describe());
            out.add(o.seed() + ":" + o.fingerprint());
        });
        return out;
    }

    @Test
    void aFailingSeedIsShrunkSavedAndReplayedFromItsFile(@TempDir Path dir) throws Exception {
        // no cluster meets a 1 ms liveness bound: every seed fails whatever its faults, so ddmin removes them all
        FaultSpace space = new FaultSpace(java.util.EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION), 5, 1_000_000_000L);
        Scenario failing = base("checks.liveness=1ms");
        FuzzCampaign campaign = new FuzzCampaign(failing, new FuzzCampaign.Options(3, 1, 1, space, dir, 50));
        assertTrue(campaign.scenarioFor(3).faults().size() > 0, "seed 3 draws some faults");
        SeedOutcome o = campaign.run((done, total, x) -> { }).get(0);
        assertEquals(List.of("LIVENESS"), o.checks().failureKinds());
        assertEquals(0, o.shrunkFaults(), "shrunk to no fault at all");
        assertTrue(o.replayVerified(), "the saved file replays with the same fingerprint and fails again");
        String yaml = Files.readString(Path.of(o.saved()));
        assertTrue(yaml.startsWith("# stormglass fuzz: seed 3 failed (LIVENESS)"), yaml);
        assertTrue(yaml.contains("faults: []"), yaml);
        RunResult replay = Runner.run(ScenarioLoader.load(Path.of(o.saved()), List.of()), Runner.Options.inMemory());
        assertEquals(List.of("LIVENESS"), replay.checks().failureKinds());
    }
}
