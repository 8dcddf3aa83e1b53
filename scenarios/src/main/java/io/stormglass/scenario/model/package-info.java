/**
 * The scenario as data: immutable records ({@link io.stormglass.scenario.model.Scenario} and its
 * cluster, disks, network, workload, client, faults, checks and outputs), every value resolved and
 * in its unit (nanoseconds, bytes, per second), defaults filled in. A scenario record is valid by
 * construction of the loader that builds it; the run and the printers only read it.
 */
package io.stormglass.scenario.model;
