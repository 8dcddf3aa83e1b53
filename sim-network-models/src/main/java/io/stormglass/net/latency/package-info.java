/**
 * One-way latency distributions as a sealed family of records (constant, uniform, truncated
 * normal, lognormal from median and p99, Pareto tail, empirical samples, CDF points or Prometheus
 * histogram buckets, jittered, body with a rare tail), in milliseconds, each
 * bound to a named random stream by {@link io.stormglass.net.latency.LatencyDistribution#sampler}.
 */
package io.stormglass.net.latency;
