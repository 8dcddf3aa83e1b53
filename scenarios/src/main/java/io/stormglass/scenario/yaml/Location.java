package io.stormglass.scenario.yaml;

/**
 * Where something stands in a scenario file: 1-based line and column; line 0 stands for the
 * whole file (a file that is missing or unreadable), printed as the file name alone.
 *
 * @param file   the file as the user named it
 * @param line   1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
    /** The whole of {@code file}. */
    public static Location wholeFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
