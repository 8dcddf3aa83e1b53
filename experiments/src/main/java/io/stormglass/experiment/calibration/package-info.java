/**
 * Calibration against published measurements: each {@link io.stormglass.experiment.calibration.Reference}
 * expresses one published setup (the Raft paper's failover experiment, etcd's benchmark table, the
 * seeds' disk and network figures) as scenarios, runs them and compares each figure with the
 * published one within a stated {@link io.stormglass.experiment.calibration.Tolerance}. References
 * are deterministic: the same budget gives the same rows.
 */
package io.stormglass.experiment.calibration;
