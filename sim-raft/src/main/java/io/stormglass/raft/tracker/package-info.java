/**
 * The leader's per-member replication state (progress, flow-control window), the election's votes, and
 * the active configuration ({@link io.stormglass.raft.tracker.TrackerConfig}: voters, possibly joint, and
 * learners) they are counted against.
 */
package io.stormglass.raft.tracker;
