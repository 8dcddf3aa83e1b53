/**
 * The capacity study's report. The study arrives as values: a
 * {@link io.stormglass.report.capacity.CapacityStudy} (workload, SLO, today's load and its growth)
 * with one {@link io.stormglass.report.capacity.ProfileOutcome} per hardware profile, holding its
 * {@link io.stormglass.report.capacity.CapacityStep}s, the saturating
 * {@link io.stormglass.report.capacity.Resource}, etcd's {@link io.stormglass.report.capacity.DiskVerdict}
 * on the WAL device (fdatasync p99 under 10 ms and at least 50 sequential IOPS, 500 for heavy load:
 * etcd's hardware guidance) and the month the SLO is missed by
 * {@link io.stormglass.report.capacity.GrowthProjection}. {@link io.stormglass.report.capacity.CapacityReport}
 * writes {@code capacity-report.html} (self-contained, charts inline as SVG) and {@code capacity.json}.
 * Units are in the names: loads in requests per second, latencies in milliseconds (NaN, or null in
 * JSON, where nothing was measured), utilisations and ratios 0..1. Both files are functions of the
 * study alone: the same study gives the same bytes ({@code Locale.ROOT} numbers, no wall-clock time).
 * The package reads no recording and no simulation code; whoever ran the ramps fills the records.
 */
package io.stormglass.report.capacity;
