package io.stormglass.experiment.fuzz;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a random schedule for one seed of a campaign, from the stream {@code fuzz/schedule} of
 * that seed: the same seed always gives the same schedule, whatever else the campaign runs.
 */
public final class ScheduleGenerator {
    private ScheduleGenerator() {
    }

    public static List<FaultDraw> draw(Scenario base, FaultSpace space, long seed) {
        SimRandom random = new RandomStreams(seed).stream("fuzz/schedule");
        List<FaultKind> kinds = space.kinds().stream().sorted().toList();
        int count = random.nextInt(space.maxFaults() + 1);
        int runMs = (int) Math.min(Integer.MAX_VALUE, base.durationNanos() / 1_000_000L);
        int maxForMs = (int) Math.min(Integer.MAX_VALUE, space.maxFaultDurationNanos() / 1_000_000L);
        List<FaultDraw> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FaultKind kind = kinds.get(random.nextInt(kinds.size()));
            draws.add(new FaultDraw(kind, random.nextInt(Math.max(1, runMs)), 1 + random.nextInt(maxForMs), random.nextInt(32),
                    random.nextInt(100)));
        }
        return draws;
    }
}
