/**
 * Safety checkers that watch a cluster of members from the outside, through
 * {@link io.stormglass.raft.server.MemberObserver}: {@link io.stormglass.check.safety.SafetyMonitor}
 * checks election safety, single votes, log matching, leader completeness, state-machine safety,
 * committed-entry stability, quorum durability, crash durability and acknowledged-write durability
 * after every event, and reports {@link io.stormglass.check.safety.SafetyViolation}s as values.
 * Linearizability of client histories is checked separately by
 * {@link io.stormglass.check.linearizability.LinearizabilityChecker}.
 */
package io.stormglass.check.safety;
