package io.stormglass.scenario.input;

import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way Stormglass reads a file the user gave it (scenarios and their {@code extends:},
 * sweep and capacity files, fio reports, Prometheus scrapes, traces, histories, a resumed
 * {@code sweep.csv}). Before a byte is read, the file must be a regular file (not a folder,
 * {@code /dev/zero}, a FIFO or a socket, which would never end or block) and no larger than its
 * {@link InputKind}'s bound; the text must be UTF-8 (a leading byte-order mark is dropped).
 * Memory is bounded by the kind's bound, never by what the file claims to hold.
 *
 * <p>Every refusal is a {@link ScenarioException} with one problem: about the file as a whole at
 * {@link Location#wholeFile} ({@code FILE: is a folder, not a file}), or at the first byte that is
 * not UTF-8 ({@code FILE:LINE:COLUMN: not UTF-8 text (byte 0xff)}).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** What a reader hears, one line at a time. */
    @FunctionalInterface
    public interface LineVisitor {
        /**
         * @param number 1-based line number
         * @param text   the line without its line break ({@code \n} or {@code \r\n})
         */
        void line(int number, String text);
    }

    /** The whole text of {@code file}, which messages call {@code shown}. */
    public static String readText(Path file, String shown, InputKind kind) {
        checkReadable(file, shown, kind);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Math.toIntExact(kind.maxBytes() + 1));
        } catch (IOException e) {
            throw whole(shown, cannotRead(e));
        }
        if (bytes.length > kind.maxBytes()) {
            throw tooLarge(shown, kind);
        }
        return Utf8Text.decode(bytes, 0, bytes.length, shown, 1, true);
    }

    /**
     * Streams {@code file} line by line: memory holds one line (at most
     * {@link InputKind#MAX_LINE_BYTES}) at a time, whatever the file's size up to the kind's bound.
     */
    public static void forEachLine(Path file, String shown, InputKind kind, LineVisitor visitor) {
        checkReadable(file, shown, kind);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LineBuffer line = new LineBuffer(InputKind.MAX_LINE_BYTES);
            long total = 0;
            int number = 1;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (++total > kind.maxBytes()) {
                    throw tooLarge(shown, kind);
                }
                if (b == '\n') {
                    visitor.line(number, line.text(shown, number));
                    line.clear();
                    number++;
                } else if (!line.add((byte) b)) {
                    throw new ScenarioException(new ScenarioProblem(Location.line(shown, number), "",
                            "the line is longer than 1MiB, the most Stormglass reads as one line"));
                }
            }
            if (!line.isEmpty()) {
                visitor.line(number, line.text(shown, number));
            }
        } catch (IOException e) {
            throw whole(shown, cannotRead(e));
        }
    }

    /**
     * The problems of a file that another file names (an {@code extends:}, a disk's {@code fio:}),
     * as that file's user would want them: a problem of the named file as a whole is reported at the
     * naming key ({@code s.yaml:5:10: disks.d.fio: fio.json: no such file}); a problem inside it
     * stays where it is.
     */
    public static java.util.List<ScenarioProblem> namedAt(ScenarioException e, Location at, String keyPath) {
        return e.problems().stream().map(p -> p.location().line() != 0 ? p
                : new ScenarioProblem(at, keyPath, p.location().file() + ": " + p.message())).toList();
    }

    /** Refuses a missing, unreadable, special or oversized file before anything is read. */
    private static void checkReadable(Path file, String shown, InputKind kind) {
        if (Files.isDirectory(file)) {
            throw whole(shown, "is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw whole(shown, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw whole(shown, "is not a regular file (a device, FIFO or socket); Stormglass reads only regular files");
        }
        if (!Files.isReadable(file)) {
            throw whole(shown, "cannot read: permission denied");
        }
        try {
            long size = Files.size(file);
            if (size > kind.maxBytes()) {
                throw tooLarge(shown, kind);
            }
        } catch (IOException e) {
            throw whole(shown, cannotRead(e));
        }
    }

    private static ScenarioException tooLarge(String shown, InputKind kind) {
        return whole(shown, "is larger than " + kind.maxText() + ", the most Stormglass reads from " + kind.what());
    }

    /** Why an I/O error happened, in words (never an exception's class name or the path again). */
    static String cannotRead(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot read: " + fs.getReason();
        }
        return "cannot read: an I/O error occurred" + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    static ScenarioException whole(String shown, String message) {
        return new ScenarioException(new ScenarioProblem(Location.wholeFile(shown), "", message));
    }
}
