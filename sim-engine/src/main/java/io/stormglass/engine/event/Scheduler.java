package io.stormglass.engine.event;

/**
 * Schedules events on virtual time. This is the only way simulated code makes something happen
 * later.
 *
 * <p>Contract: events run in order of (time, scheduling order): two events for the same instant
 * run in the order they were scheduled. An action runs exactly once unless it was cancelled
 * before it fired. Scheduling never blocks and never runs the action inline.
 */
public interface Scheduler extends Clock {
    /** Returned by no schedule call; safe to pass to {@link #cancel(long)}. */
    long NO_EVENT = -1L;

    /**
     * Schedules {@code action} at {@code nowNanos() + delayNanos}.
     *
     * @param delayNanos non-negative delay in nanoseconds
     * @param kind       what the event is, for traces and the fingerprint
     * @param key        the identifier that matters for the fingerprint (a node id, a request id)
     * @return a handle for {@link #cancel(long)}
     */
    default long schedule(long delayNanos, EventKind kind, long key, EventAction action) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay: " + delayNanos + " ns");
        }
        return scheduleAt(nowNanos() + delayNanos, kind, key, action);
    }

    /**
     * Schedules {@code action} at the absolute time {@code atNanos}, which must not be in the past.
     *
     * @return a handle for {@link #cancel(long)}
     */
    long scheduleAt(long atNanos, EventKind kind, long key, EventAction action);

    /**
     * Cancels a scheduled event. Cancellation is lazy: the entry stays queued but never runs.
     *
     * @return true if the event was pending and is now cancelled; false if it had already run,
     *     was already cancelled, or the handle is {@link #NO_EVENT}
     */
    boolean cancel(long handle);
}
