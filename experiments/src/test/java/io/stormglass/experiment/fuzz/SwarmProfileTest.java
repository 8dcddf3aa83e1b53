package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwarmProfileTest {
    private static final FaultSpace SPACE = new FaultSpace(EnumSet.allOf(FaultKind.class), 20, 3_000_000_000L);

    @Test
    void aSeedsScheduleUsesOnlyItsProfilesKindsWithinItsShareOfTheFaults() {
        Scenario base = ScenarioLoader.load(SafetySetup.BASE, List.of());
        for (long seed = 1; seed <= 200; seed++) {
            SwarmProfile profile = SwarmProfile.draw(SPACE, seed);
            assertEquals(profile, SwarmProfile.draw(SPACE, seed), "a seed's profile never changes");
            List<FaultDraw> draws = ScheduleGenerator.drawSwarm(base, SPACE, seed);
            assertEquals(draws, ScheduleGenerator.drawSwarm(base, SPACE, seed));
            assertTrue(draws.size() <= profile.maxFaults(SPACE.maxFaults()), profile.describe());
            for (FaultDraw d : draws) {
                assertTrue(profile.kinds().contains(d.kind()), d + " outside " + profile.describe());
                assertTrue(d.param() <= profile.paramCeiling(), d + " above " + profile.describe());
            }
        }
    }

    @Test
    void seedsDrawDifferentMixes() {
        Set<Set<FaultKind>> mixes = new HashSet<>();
        int withoutCrashes = 0;
        int fewKinds = 0;
        for (long seed = 1; seed <= 200; seed++) {
            SwarmProfile p = SwarmProfile.draw(SPACE, seed);
            mixes.add(Set.copyOf(p.kinds()));
            withoutCrashes += p.kinds().contains(FaultKind.CRASH) || p.kinds().contains(FaultKind.LEADER_CRASH) ? 0 : 1;
            fewKinds += p.kinds().size() <= 4 ? 1 : 0;
        }
        assertTrue(mixes.size() > 150, "nearly every seed has its own mix: " + mixes.size());
        assertTrue(withoutCrashes > 20, "some seeds never crash a member: " + withoutCrashes);
        assertTrue(fewKinds > 5, "some seeds use four kinds or fewer: " + fewKinds);
    }
}
