package io.stormglass.experiment.fuzz;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Draws a random schedule for one seed of a campaign, from the stream {@code fuzz/schedule} of
 * that seed: the same seed always gives the same schedule, whatever else the campaign runs.
 * {@link #draw} mixes every kind of the space uniformly; {@link #drawSwarm} follows the seed's
 * {@link SwarmProfile}.
 */
public final class ScheduleGenerator {
    private ScheduleGenerator() {
    }

    /** Up to {@code space.maxFaults()} faults, each of a kind drawn uniformly from the space. */
    public static List<FaultDraw> draw(Scenario base, FaultSpace space, long seed) {
        SimRandom random = new RandomStreams(seed).stream("fuzz/schedule");
        List<FaultKind> kinds = space.kinds().stream().sorted().toList();
        int count = random.nextInt(space.maxFaults() + 1);
        List<FaultDraw> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FaultKind kind = kinds.get(random.nextInt(kinds.size()));
            draws.add(next(base, space, random, kind, random2 -> random2.nextInt(100)));
        }
        return draws;
    }

    /** The schedule of {@code seed} under its swarm profile: its kinds, weights, fault count and severity. */
    public static List<FaultDraw> drawSwarm(Scenario base, FaultSpace space, long seed) {
        SwarmProfile profile = SwarmProfile.draw(space, seed);
        SimRandom random = new RandomStreams(seed).stream("fuzz/schedule");
        int count = random.nextInt(profile.maxFaults(space.maxFaults()) + 1);
        List<FaultDraw> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            draws.add(next(base, space, random, profile.pick(random), profile::param));
        }
        return draws;
    }

    /** One draw of {@code kind}: start, duration, target, then the parameter from {@code param}. */
    private static FaultDraw next(Scenario base, FaultSpace space, SimRandom random, FaultKind kind,
            ToIntFunction<SimRandom> param) {
        int runMs = (int) Math.min(Integer.MAX_VALUE, base.durationNanos() / 1_000_000L);
        int maxForMs = (int) Math.min(Integer.MAX_VALUE, space.maxFaultDurationNanos() / 1_000_000L);
        int atMs = random.nextInt(Math.max(1, runMs));
        int forMs = 1 + random.nextInt(maxForMs);
        int target = random.nextInt(32);
        return new FaultDraw(kind, atMs, forMs, target, param.applyAsInt(random));
    }
}
