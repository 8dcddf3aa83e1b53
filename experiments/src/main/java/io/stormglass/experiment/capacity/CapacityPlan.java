package io.stormglass.experiment.capacity;

import java.util.List;

/**
 * A capacity file, resolved: the profiles to compare, the ramp, the SLO, and today's load with
 * its expected growth.
 *
 * @param name                 the study's name (the file name without extension unless set)
 * @param description          what it compares
 * @param file                 the file it was read from
 * @param workload             the workload in words
 * @param profiles             in the file's order
 * @param ramp                 the offered loads
 * @param slo                  what a step must meet
 * @param currentLoadPerSecond today's load (requests/s)
 * @param monthlyGrowth        expected growth of the load per month (0.1 = 10 %)
 */
public record CapacityPlan(String name, String description, String file, String workload, List<Profile> profiles,
        Ramp ramp, Slo slo, double currentLoadPerSecond, double monthlyGrowth) {
    public CapacityPlan {
        profiles = List.copyOf(profiles);
    }
}
