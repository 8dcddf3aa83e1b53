package io.stormglass.cli;

import java.nio.file.Path;

/** The scenario library, which lives beside the scenarios module's pom, as seen from this module's folder. */
final class Library {
    static final Path DIR = Path.of("../scenarios");

    private Library() {
    }

    /** The path of library file {@code name}, as a command-line argument. */
    static String file(String name) {
        return DIR.resolve(name).toString();
    }
}
