/**
 * Partitions and clogs: the {@link io.stormglass.net.partition.NetworkFault} family, the set of
 * {@link io.stormglass.net.partition.ActiveFaults} the network consults, and the
 * {@link io.stormglass.net.partition.FaultSchedule} that switches them on virtual time and writes
 * the timeline.
 */
package io.stormglass.net.partition;
