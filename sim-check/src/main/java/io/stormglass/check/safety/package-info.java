/**
 * Safety checkers that watch a cluster of members from the outside, through
 * {@link io.stormglass.raft.server.MemberObserver}: {@link io.stormglass.check.safety.SafetyMonitor}
 * checks election safety, single votes, log matching and contiguity, leader completeness, the commit
 * rule, state-machine safety, committed-entry stability, apply order, quorum durability, crash
 * durability and acknowledged-write durability, and, on the clients' side, etcd's watch guarantees and
 * ranges at a past revision against the committed history (the rules are listed in
 * {@link io.stormglass.check.safety.Invariant}) as each report arrives, and records
 * {@link io.stormglass.check.safety.SafetyViolation}s as values.
 * Linearizability of client histories is checked separately by
 * {@link io.stormglass.check.linearizability.LinearizabilityChecker}.
 */
package io.stormglass.check.safety;
