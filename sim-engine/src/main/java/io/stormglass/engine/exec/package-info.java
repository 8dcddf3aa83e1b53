/**
 * Simulated threads (DESIGN.md §3: executors model threads). A
 * {@link io.stormglass.engine.exec.SerialExecutor} runs {@link io.stormglass.engine.exec.Task}s one at
 * a time in FIFO order; through its {@link io.stormglass.engine.exec.TaskContext} a step may charge
 * CPU time and may end by waiting for a {@link io.stormglass.engine.exec.Completion} or sleeping, and
 * while it waits the executor runs nothing else: this is how a slow fdatasync blocks a member's raft
 * loop. A {@link io.stormglass.engine.exec.Ticker} delivers periodic ticks to an executor with Go's
 * {@code time.Ticker} semantics (one buffered tick; ticks that find it still pending are dropped and
 * counted), which is why a member stalled in fsync stops its Raft clock, as etcd's does. Everything
 * here runs as ordinary events on the simulation loop: a Completion is a callback, not a
 * {@code Future}, no real thread ever blocks, and no Java thread or executor service is created.
 * {@code SerialExecutor.kill()} models a crash: queued tasks are dropped and late completions of the
 * abandoned waits are ignored.
 */
package io.stormglass.engine.exec;
