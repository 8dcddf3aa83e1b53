package io.stormglass.engine.event;

/**
 * What an event does when it fires. Runs on the simulation loop at the event's instant; the
 * current time is available from the {@link Scheduler}. An action must not block; it may
 * schedule further events.
 */
@FunctionalInterface
public interface EventAction {
    void fire();
}
