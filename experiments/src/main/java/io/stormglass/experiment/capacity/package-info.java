/**
 * Capacity planning: a capacity file names hardware profiles (built-in ones grounded in published
 * figures, or any scenario's disks), a workload, an SLO and a ramp of offered loads; each profile is
 * ramped step by step (one deterministic simulation per step, warm-up excluded from the measurement),
 * and the study reports the highest load within the SLO, the knee of the latency curve, the resource
 * that saturates first and etcd's disk verdict. The numbers depend only on the file, never on how
 * many profiles run at once.
 */
package io.stormglass.experiment.capacity;
