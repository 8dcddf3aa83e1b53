/**
 * Failover experiments after the Raft paper (§9.3): crash the leader at a uniformly random point of
 * its heartbeat interval and measure the time until the new leader is known to every surviving
 * member, over many independent trials.
 */
package io.stormglass.experiment.failover;
