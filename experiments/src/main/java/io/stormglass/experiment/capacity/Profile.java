package io.stormglass.experiment.capacity;

import io.stormglass.scenario.model.Scenario;

/**
 * One hardware profile, resolved: the cluster on that hardware as a scenario without load
 * (devices, network, CPU costs already scaled by the profile's CPU speed). Each ramp step runs
 * a copy of it with the step's open-loop rate.
 *
 * @param name        the profile's name in the capacity file
 * @param description what hardware it stands for, with the published figures it is built from
 * @param baseline    the profile this one varies (compared against in the report), or null
 * @param base        the cluster on this hardware with the study's workload shape
 */
public record Profile(String name, String description, String baseline, Scenario base) {
}
