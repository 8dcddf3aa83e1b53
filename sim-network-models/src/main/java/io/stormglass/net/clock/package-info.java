/**
 * Per-node clocks: {@link io.stormglass.net.clock.NodeClock} maps true time to a node's local
 * wall and monotonic time (drift in ppm, steps), {@link io.stormglass.net.clock.LocalScheduler}
 * lets a member schedule and tick in local time, {@link io.stormglass.net.clock.ClockFaults}
 * changes clocks on a schedule. The simulation itself always runs on true time.
 */
package io.stormglass.net.clock;
