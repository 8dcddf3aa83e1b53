package io.stormglass.engine.event;

/** An event action failed; the message names the event, its time and its key. */
public final class SimulationException extends RuntimeException {
    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
