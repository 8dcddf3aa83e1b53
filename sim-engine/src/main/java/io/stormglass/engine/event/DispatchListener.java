package io.stormglass.engine.event;

/**
 * Sees every event a {@link Simulation} dispatches, in dispatch order, just before its action runs:
 * the same fields the fingerprint folds. For traces and self-reconciliation; a listener must not
 * schedule or cancel events (it would change the run it observes).
 */
@FunctionalInterface
public interface DispatchListener {
    /**
     * @param index     0-based position of the event among the dispatched ones
     * @param timeNanos the event's virtual time
     * @param kind      its kind
     * @param key       its key (a node id, a request id: what the scheduler passed)
     */
    void dispatched(long index, long timeNanos, EventKind kind, long key);
}
