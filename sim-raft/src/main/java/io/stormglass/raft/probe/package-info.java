/**
 * The coverage probes of the Raft core, the etcd-style member and the WAL: rare paths a safety campaign
 * should reach (see {@link io.stormglass.engine.probe}). Hitting one changes nothing in the run.
 */
package io.stormglass.raft.probe;
