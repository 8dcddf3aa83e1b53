/**
 * The checks of a run with {@code checks:} (safety testing): the safety monitor on every member,
 * acknowledged writes, boot failures after crashes, the liveness phase's outcome and the
 * linearizability of the client history, gathered into one {@link io.stormglass.run.verdict.CheckReport}.
 * The checkers themselves live in {@code io.stormglass.check} (module sim-check); this package only wires them
 * to a scenario run.
 */
package io.stormglass.run.verdict;
