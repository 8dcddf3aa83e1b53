package io.stormglass.engine.exec;

/**
 * What a running step may do to its executor. Each step ends in at most one of
 * {@link #await} or {@link #sleep}; without either the task is finished when the step returns.
 */
public interface TaskContext {
    /** The virtual time at which this step runs. */
    long nowNanos();

    /**
     * Occupies the executor for {@code nanos} more of CPU time after this step. The step's own
     * effects (messages sent, I/O submitted) happen at {@link #nowNanos()}; what follows on this
     * executor starts no earlier than the end of the charged time.
     */
    void chargeCpu(long nanos);

    /**
     * Blocks the executor until {@code completion} is done, then runs {@code then} (no earlier
     * than the end of the CPU time charged in this step). Tasks queued behind wait all along.
     */
    <T> void await(Completion<T> completion, Continuation<T> then);

    /** Blocks the executor for {@code nanos} (after any charged CPU time), then runs {@code then}. */
    void sleep(long nanos, Task then);
}
