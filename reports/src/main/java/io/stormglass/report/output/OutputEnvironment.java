package io.stormglass.report.output;

import java.nio.file.Path;

/**
 * The folders no command may ever replace, whatever it is told: the working folder (and so every
 * folder above it) and the user's home folder. A record so that tests can name their own.
 *
 * @param workingDir the process's working folder
 * @param home       the user's home folder
 */
public record OutputEnvironment(Path workingDir, Path home) {
    /** The running process's working folder and home folder. */
    public static OutputEnvironment current() {
        return new OutputEnvironment(Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")));
    }
}
