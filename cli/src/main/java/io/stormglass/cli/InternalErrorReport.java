package io.stormglass.cli;

import io.stormglass.report.output.OutputMarker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A bug in Stormglass, reported as one line on the terminal that names a log file, and the stack
 * trace in that file ({@code stormglass-error-<timestamp>.log}): in the output folder's parent if
 * the command got that far, otherwise in the system's temporary folder.
 */
final class InternalErrorReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private InternalErrorReport() {
    }

    /**
     * Writes the log and returns the line to print.
     *
     * @param failure   what was thrown
     * @param logFolder where to put the log, or null for the temporary folder
     * @param args      the command line, for the log
     */
    static String report(Throwable failure, Path logFolder, String[] args) {
        String text = log(failure, args);
        Path file = write(logFolder, text);
        if (file == null) {
            file = write(Path.of(System.getProperty("java.io.tmpdir")), text);
        }
        return "stormglass: internal error (a bug in Stormglass): " + reason(failure) + "; details in "
                + (file == null ? "no file (none could be written)" : file.toString());
    }

    /** What went wrong, in a few words. */
    static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "out of memory" + (c.getMessage() == null ? "" : " (" + IoErrors.firstLine(c.getMessage()) + ")")
                        + "; a larger heap may help: STORMGLASS_JAVA_OPTS=-Xmx4g";
            }
            if (c instanceof StackOverflowError) {
                return "stack overflow";
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return IoErrors.firstLine(c.getMessage());
            }
        }
        return "an unexpected failure without a message";
    }

    private static String log(Throwable failure, String[] args) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("Stormglass " + OutputMarker.TOOL_VERSION + " internal error; please report it with this file.");
            w.println("command: stormglass " + String.join(" ", args));
            w.println("java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            w.println();
            failure.printStackTrace(w);
        }
        return trace.toString();
    }

    private static Path write(Path folder, String text) {
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        try {
            Path file = folder.resolve("stormglass-error-" + LocalDateTime.now().format(STAMP) + ".log");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
