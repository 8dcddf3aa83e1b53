package io.stormglass.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishing a folder atomically: a complete staging folder replaces the target in one rename,
 * so a reader sees either the previous folder or the new one, never a half-written one.
 */
public final class AtomicFolder {
    private AtomicFolder() {
    }

    /**
     * Renames {@code staging} to {@code target}, moving an existing {@code target} aside first (to
     * {@code .NAME.old-PID-*}, so that a later run can tell whether the process that moved it is
     * still alive) and removing it once the new folder is in place.
     */
    public static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(target.getParent(),
                    "." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // same parent folder, so this only happens on exotic file systems; a plain rename is the best left
            Files.move(from, to);
        }
    }

    /** Removes {@code dir} and everything in it (or the file {@code dir}); symbolic links are removed, never followed. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
