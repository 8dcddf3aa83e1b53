package io.stormglass.scenario.yaml;

/**
 * Where something stands in an input file: 1-based line and column, printed
 * {@code file:line:column}; column 0 stands for a whole line (a CSV row, a history line), printed
 * {@code file:line}; line 0 stands for the whole file (a file that is missing or unreadable),
 * printed as the file name alone.
 *
 * @param file   the file as the user named it
 * @param line   1-based line
 * @param column 1-based column, or 0 for the whole line
 */
public record Location(String file, int line, int column) {
    /** The whole of {@code file}. */
    public static Location wholeFile(String file) {
        return new Location(file, 0, 0);
    }

    /** Line {@code line} of {@code file} as a whole (a CSV row, a history line). */
    public static Location line(String file, int line) {
        return new Location(file, line, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
