/**
 * What a run records. {@link io.stormglass.engine.metrics.Recorder} holds counters, latencies
 * ({@link io.stormglass.engine.metrics.LatencyRecorder}: HdrHistograms in nanoseconds, clamped at one
 * hour) and sampled gauges, each with a series per time window, and the run's typed
 * {@link io.stormglass.engine.timeline.Timeline}. The vocabulary is declared once, here:
 * {@link io.stormglass.engine.metrics.Metric} gives every metric its exported name (etcd's where etcd
 * has the metric, such as {@code etcd_disk_wal_fsync_duration_seconds}, Prometheus conventions
 * otherwise; latencies recorded in nanoseconds and named in seconds, as etcd exports them), its kind
 * and its {@link io.stormglass.engine.metrics.Label}s in order; producers (members, disk and network
 * models) build their {@link io.stormglass.engine.metrics.MetricId}s through it and readers (reports)
 * recognise them through it, so no other module spells a metric name. Memory is bounded for any run
 * length: when the series reach their window limit, every series merges adjacent windows pairwise and
 * the window width doubles, so all series stay aligned. Series are listed in id order, never in hash
 * order; gauges are sampled on the simulation loop and must not change the simulation; the only event
 * recording schedules is the window close.
 */
package io.stormglass.engine.metrics;
