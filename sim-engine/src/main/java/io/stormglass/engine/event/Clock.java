package io.stormglass.engine.event;

/**
 * Virtual time as seen by simulated code.
 *
 * <p>Time is a {@code long} count of nanoseconds since the start of the run. It never goes
 * backwards, and it only advances between events: code running inside one event always sees
 * the same value. A wall-clock implementation is possible for running the same code for real.
 */
@FunctionalInterface
public interface Clock {
    /** Nanoseconds since the start of the run. */
    long nowNanos();
}
