/**
 * One simulated run of a scenario: {@link io.stormglass.run.RunSession} assembles the cluster
 * (members on their disk and network models, clients, the workload driver, the fault injector),
 * runs it to the end in virtual time, heals and checks if the scenario asks, and writes the run's
 * folder atomically. {@link io.stormglass.run.Runner} injects faults as the run reaches them, so a
 * run built step by step replays from its printed scenario event for event;
 * {@link io.stormglass.run.SelfReconcile} runs a scenario twice in lockstep to locate a determinism
 * break. Code here runs inside the simulation and is under the determinism ban: the wall clock, used
 * only for progress and speed figures, comes in as a {@link io.stormglass.run.WallClock}.
 */
package io.stormglass.run;
