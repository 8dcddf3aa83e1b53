/**
 * {@code stormglass bench}: how fast and how big the simulator runs on this machine. The reference
 * cases ({@link io.stormglass.experiment.bench.ReferenceCases}) run real scenarios in memory (nothing is
 * written) and report events, events per second, simulated time per wall-clock time and peak heap;
 * {@link io.stormglass.experiment.bench.EngineMicrobench} races the engine's event queue against a
 * {@code java.util.PriorityQueue} of records on the same workload in the same process. Numbers for
 * people and CI trends, never assertions: nothing in {@code mvn verify} depends on a wall time. The
 * wall clock is passed in, so that this package, like the simulation, reads no clock of its own.
 */
package io.stormglass.experiment.bench;
