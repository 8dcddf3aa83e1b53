/** The leader's per-follower replication state: progress, flow-control window, votes. */
package io.stormglass.raft.tracker;
