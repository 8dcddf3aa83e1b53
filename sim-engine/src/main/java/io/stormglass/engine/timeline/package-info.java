/**
 * The typed timeline of a run. {@link io.stormglass.engine.timeline.TimelineEvent} is a closed family
 * of what is worth a line (a role or leader changed, an election started, a member crashed or
 * restarted, a warning in etcd's words, a fault switched, a neighbour's burst), with times in virtual
 * nanoseconds and members by id (0 for none); reports and checkers switch over it exhaustively, and
 * {@code events.jsonl} is written from it. {@link io.stormglass.engine.timeline.Timeline} hands every
 * event to its listeners as it is appended (so it can be streamed) and keeps at most a bounded number
 * in memory, in order of appending, counting the rest. Events are immutable values; appending one never
 * changes the simulation.
 */
package io.stormglass.engine.timeline;
