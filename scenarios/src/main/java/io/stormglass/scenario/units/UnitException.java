package io.stormglass.scenario.units;

/** A quantity could not be parsed; the message says what was expected and what was found. */
public final class UnitException extends RuntimeException {
    public UnitException(String message) {
        super(message);
    }
}
