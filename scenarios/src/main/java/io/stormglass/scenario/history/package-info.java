/**
 * Client histories as files: Stormglass's JSONL (one invoke or completion per line) and Jepsen's
 * register log, read into {@link io.stormglass.raft.client.Operation}s for the linearizability
 * checker and written from a run's recorded history. Reading streams line by line within a stated
 * bound and reports each mistake located at its line (ids that overflow, times that are not whole
 * non-negative nanoseconds, a completion before its invocation).
 */
package io.stormglass.scenario.history;
