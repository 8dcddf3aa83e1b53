package io.stormglass.scenario.history;

/** A history file is malformed; the message names the file and line. */
public final class HistoryFormatException extends RuntimeException {
    public HistoryFormatException(String message) {
        super(message);
    }
}
