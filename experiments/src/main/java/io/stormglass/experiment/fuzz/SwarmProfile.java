package io.stormglass.experiment.fuzz;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Swarm testing (Groce et al., "Swarm Testing", ISSTA 2012; TigerBeetle's VOPR swarm mode): instead of
 * one mix of every fault kind for all seeds, each seed draws its own mix: which kinds are enabled (each
 * of the space's kinds with probability 1/2, at least one), how often each is drawn, how many faults the
 * schedule holds and how severe their parameters are. One seed then has many partitions and no crash,
 * another only disk stalls, another heavy loss; a feature that one fault kind masks (a crash resets the
 * state a partition needed) is reached in the seeds without it.
 *
 * <p>Drawn from the seed's own stream {@code fuzz/swarm}, so a seed's profile, like its schedule, never
 * depends on the other seeds.
 *
 * @param kinds            the enabled kinds, in enum order
 * @param weights          each enabled kind's relative frequency, 1 to 4, in the order of {@code kinds}
 * @param intensityPercent the share of the space's {@code maxFaults} this seed draws up to, 10 % to 100 %
 * @param paramCeiling     the highest kind-specific parameter drawn (0..99: loss and duplication rates,
 *                         reordering window, slow-down factor, clock drift, flapping period, crash mode)
 */
public record SwarmProfile(List<FaultKind> kinds, List<Integer> weights, int intensityPercent, int paramCeiling) {
    public SwarmProfile {
        if (kinds.isEmpty() || kinds.size() != weights.size()) {
            throw new IllegalArgumentException("a swarm profile needs a weight for each of at least one kind");
        }
        kinds = List.copyOf(kinds);
        weights = List.copyOf(weights);
    }

    /** The profile of {@code seed} over {@code space}. */
    public static SwarmProfile draw(FaultSpace space, long seed) {
        SimRandom random = new RandomStreams(seed).stream("fuzz/swarm");
        List<FaultKind> all = space.kinds().stream().sorted().toList();
        List<FaultKind> kinds = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (FaultKind kind : all) {
            boolean enabled = random.nextInt(2) == 0;
            int weight = 1 + random.nextInt(4);
            if (enabled) {
                kinds.add(kind);
                weights.add(weight);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(all.get(random.nextInt(all.size())));
            weights.add(1);
        }
        return new SwarmProfile(kinds, weights, 10 + random.nextInt(91), random.nextInt(100));
    }

    /** How many faults a schedule of this profile may hold, given the space's bound. */
    int maxFaults(int spaceMaxFaults) {
        return (int) ((long) spaceMaxFaults * intensityPercent / 100);
    }

    /** A kind, by weight. */
    FaultKind pick(SimRandom random) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int x = random.nextInt(total);
        for (int i = 0; i < kinds.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                return kinds.get(i);
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** A kind-specific parameter within this profile's severity. */
    int param(SimRandom random) {
        return random.nextInt(paramCeiling + 1);
    }

    /** {@code crash×3 partition×1, 40 % of the faults, parameters ≤ 57}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            parts.add(kinds.get(i).cliName() + "×" + weights.get(i));
        }
        return String.format(Locale.ROOT, "%s, %d %% of the faults, parameters ≤ %d", String.join(" ", parts),
                intensityPercent, paramCeiling);
    }
}
