package io.stormglass.experiment.fuzz;

import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives the fault-schedule properties the seed in the system property {@code safety.seed} (the
 * experiments pom sets a fixed one), so that {@code mvn verify} tries the same schedules on every
 * machine and a failure seen in CI replays anywhere. {@code -Dsafety.seed=random} (or no property)
 * leaves jqwik to draw a seed per run, as a campaign should. A seed written on the property itself wins.
 */
public final class SafetySeed implements AroundPropertyHook {
    /** The value of {@code safety.seed} that asks for a fresh seed per run. */
    static final String RANDOM = "random";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("safety.seed", RANDOM).trim();
        if (!seed.isEmpty() && !seed.equals(RANDOM) && context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(seed);
            context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
        }
        return property.execute();
    }
}
