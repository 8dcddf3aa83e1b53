/**
 * The linearizability checker: given a client history (the {@link io.stormglass.raft.client.Operation}s
 * a client library recorded, each an invoke/complete pair with an outcome), decides whether some
 * total order of the operations, consistent with real time, explains every value they returned
 * (Wing &amp; Gong's search with Lowe's memoisation, one register per key). The search runs under a
 * {@link io.stormglass.check.linearizability.Budget} and answers "unknown" rather than hanging;
 * a violation comes with a shrunk witness. The checker only reads histories: the system under
 * test never calls it.
 */
package io.stormglass.check.linearizability;
