/**
 * Parameter sweeps: a sweep file names a base scenario, the keys to vary (a grid, or random samples
 * from ranges), the seeds per point and the metrics; {@link io.stormglass.experiment.sweep.SweepRunner}
 * runs every (point, seed) on a fixed pool of threads, one deterministic simulation per thread,
 * streaming one row per finished run to {@code sweep.csv} and resuming from it;
 * {@link io.stormglass.experiment.sweep.Recommender} picks the setting with the fastest failover among
 * those without spurious leader changes and checks it against etcd's tuning rules.
 */
package io.stormglass.experiment.sweep;
