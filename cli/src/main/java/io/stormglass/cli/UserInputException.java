package io.stormglass.cli;

/** A mistake of the user (a missing file, a bad option value): printed as one line, exit code 2. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
