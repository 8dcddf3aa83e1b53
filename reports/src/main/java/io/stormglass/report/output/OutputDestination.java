package io.stormglass.report.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a command will write, decided before it runs anything: the rule that Stormglass never
 * deletes or overwrites what it did not create. A folder destination may be written when it is
 * absent, an empty folder, or holds an earlier Stormglass output of the same kind (see
 * {@link OutputMarker}); a file destination when it is absent or a page Stormglass wrote.
 * Everything else is refused with a reason ({@link OutputRefusal}); {@code force} lifts the
 * refusal of a foreign folder or file, of another kind's output and of a path inside the sources,
 * but never of an empty path, {@code .}, {@code ..}, the root, the working folder or a parent of
 * it, the home folder or a parent of it, a device, or a path whose parent is a file.
 *
 * @param target the destination, absolute and normalised (symbolic links kept as written)
 * @param kind   what will be written there
 * @param state  what is there now
 */
public record OutputDestination(Path target, OutputKind kind, State state) {
    /** What the destination holds before the command writes. */
    public enum State {
        /** Nothing: the command creates it. */
        ABSENT,
        /** An empty folder. */
        EMPTY,
        /** An earlier output of the same kind: replaced (a sweep resumes it). */
        SAME_KIND,
        /** Something else, which the user allowed to be replaced with {@code --force}. */
        FORCED,
        /** A device or other special file the user allowed a page to be written into with {@code --force}. */
        FORCED_SPECIAL_FILE
    }

    /** The folder {@code requested} for an output of {@code kind}, or the reason it may not be written. */
    public static OutputDestination folder(Path requested, OutputKind kind, boolean force, OutputEnvironment env)
            throws OutputRefusal {
        Path abs = PathRules.absolute(requested, env);
        PathRules.outsideSources(abs, force);
        if (Files.isDirectory(abs)) {
            Optional<OutputKind> marked = OutputMarker.read(abs);
            if (marked.isPresent()) {
                if (marked.get() == kind) {
                    return new OutputDestination(abs, kind, State.SAME_KIND);
                }
                return forced(abs, kind, force, "expected an empty folder or " + kind.noun() + " written earlier, found "
                        + marked.get().noun() + " in " + abs, "choose another folder or add --force to replace it");
            }
            List<String> entries = entries(abs);
            if (entries.isEmpty()) {
                return new OutputDestination(abs, kind, State.EMPTY);
            }
            return forced(abs, kind, force, "expected an empty folder or an earlier Stormglass output, found " + abs
                    + " holding " + describe(entries) + " Stormglass did not write",
                    "choose another folder or add --force to replace it");
        }
        if (Files.isRegularFile(abs) || Files.isSymbolicLink(abs)) {
            return forced(abs, kind, force, "expected a folder, found the file " + abs,
                    "choose another path or add --force to replace the file");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw OutputRefusal.never("expected a folder, found " + abs + ", a device or other special file");
        }
        return new OutputDestination(abs, kind, State.ABSENT);
    }

    /** The file {@code requested} for a page of {@code kind}, or the reason it may not be written. */
    public static OutputDestination file(Path requested, OutputKind kind, boolean force, OutputEnvironment env)
            throws OutputRefusal {
        Path abs = PathRules.absolute(requested, env);
        PathRules.outsideSources(abs, force);
        if (Files.isDirectory(abs)) {
            throw OutputRefusal.never("expected a file name, found the folder " + abs);
        }
        if (Files.isRegularFile(abs)) {
            if (OutputMarker.isWitnessPage(abs)) {
                return new OutputDestination(abs, kind, State.SAME_KIND);
            }
            return forced(abs, kind, force, "expected a new file or " + kind.noun() + " written earlier, found the file "
                    + abs + ", which Stormglass did not write", "choose another name or add --force to replace it");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!force) {
                throw OutputRefusal.unlessForced("expected a regular file, found " + abs + ", a device or other special file",
                        "choose another name or add --force to write into it");
            }
            return new OutputDestination(abs, kind, State.FORCED_SPECIAL_FILE);
        }
        Path parent = abs.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // a single file names an existing folder to go into; only folders of runs are created with their parents
            throw new OutputRefusal("expected a file in an existing folder, found no folder " + parent, false);
        }
        return new OutputDestination(abs, kind, State.ABSENT);
    }

    /** Whether an earlier output of the same kind is there (which a sweep resumes). */
    public boolean holdsEarlierOutput() {
        return state == State.SAME_KIND;
    }

    private static OutputDestination forced(Path abs, OutputKind kind, boolean force, String expectedFound, String advice)
            throws OutputRefusal {
        if (!force) {
            throw OutputRefusal.unlessForced(expectedFound, advice);
        }
        return new OutputDestination(abs, kind, State.FORCED);
    }

    private static List<String> entries(Path dir) throws OutputRefusal {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new OutputRefusal("expected a folder Stormglass can read, found " + dir + ", which cannot be listed", false);
        }
    }

    /** "1 entry (k)" or "12 entries (a, b, c, ...)": a few names, each cut short and without control characters. */
    static String describe(List<String> entries) {
        List<String> shown = entries.stream().limit(3)
                .map(n -> n.replaceAll("\\p{Cntrl}", "?"))
                .map(n -> n.length() > 40 ? n.substring(0, 37) + "..." : n).toList();
        return entries.size() + (entries.size() == 1 ? " entry (" : " entries (") + String.join(", ", shown)
                + (entries.size() > 3 ? ", ..." : "") + ")";
    }
}
