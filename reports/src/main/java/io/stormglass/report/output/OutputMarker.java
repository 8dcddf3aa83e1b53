package io.stormglass.report.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mark Stormglass leaves on what it writes, so that a later command can tell its own output
 * from a user's files. A folder holds {@value #FILE}, a few {@code key: value} lines:
 *
 * <pre>
 * kind: run
 * version: 0.1.0
 * command: ./stormglass run scenarios/safety-fuzz.yaml --seed 1
 * </pre>
 *
 * A witness page ({@code check-history --html}) carries {@link #HTML_META} in its head instead.
 */
public final class OutputMarker {
    /** The marker file's name inside an output folder. */
    public static final String FILE = ".stormglass-output";
    /** Stormglass's version, as the marker and {@code stormglass --version} show it. */
    public static final String TOOL_VERSION = "0.1.0";
    /** The meta tag that marks a page Stormglass wrote; the page must carry it in its first {@value #HTML_SNIFF_BYTES} bytes. */
    public static final String HTML_META = "<meta name=\"generator\" content=\"stormglass check-history witness\">";
    static final int HTML_SNIFF_BYTES = 4096;
    /** A marker is a few short lines; a longer file named like it is not ours. */
    private static final long MAX_MARKER_BYTES = 64 * 1024;

    private OutputMarker() {
    }

    /** Writes the marker of {@code kind} into {@code dir}; {@code command} is shown only (control characters become spaces). */
    public static void write(Path dir, OutputKind kind, String command) throws IOException {
        String text = "# Written by Stormglass: a later command of the same kind may replace this folder.\n"
                + "kind: " + kind.key() + "\nversion: " + TOOL_VERSION + "\ncommand: "
                + command.replaceAll("\\p{Cntrl}", " ") + "\n";
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /**
     * The kind {@code dir}'s marker names: empty if the folder has no readable marker, or one
     * naming a kind this version does not know (which is then as foreign as no marker).
     */
    public static Optional<OutputKind> read(Path dir) {
        Path marker = dir.resolve(FILE);
        try {
            if (!Files.isRegularFile(marker) || Files.size(marker) > MAX_MARKER_BYTES) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                if (line.startsWith("kind: ")) {
                    return OutputKind.ofKey(line.substring("kind: ".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: not a marker we wrote
        }
        return Optional.empty();
    }

    /** Whether {@code file} is a regular file that starts like a page Stormglass wrote. */
    public static boolean isWitnessPage(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(HTML_SNIFF_BYTES), StandardCharsets.UTF_8);
            return head.contains(HTML_META);
        } catch (IOException e) {
            return false;
        }
    }
}
