/**
 * Background workloads that share a device (or a throttle) with the system under test:
 * {@code prometheus}, {@code periodic-burst}, {@code poisson} and {@code trace}. Each draws from
 * its own random stream and marks its bursts on the timeline.
 */
package io.stormglass.disk.neighbour;
