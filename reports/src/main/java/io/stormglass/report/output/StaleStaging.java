package io.stormglass.report.output;

import io.stormglass.report.AtomicFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes what killed processes left behind: {@code .NAME.partial-*} staging folders and
 * temporary files, and {@code .NAME.old-*} folders moved aside during a publish. A leftover is
 * stale when its owner ({@link ProcessOwner}) no longer runs; one of this process is stale only if
 * no longer registered. A leftover without a pid in its name (written by an earlier version) is
 * stale once it has not changed for {@link #UNOWNED_GRACE}. An {@code .old-} folder whose target
 * is missing (the owner died between moving the old output aside and moving the new one in) is
 * moved back instead of removed.
 */
public final class StaleStaging {
    /** How long an unowned leftover must have been untouched before it counts as stale. */
    static final Duration UNOWNED_GRACE = Duration.ofMinutes(1);

    private StaleStaging() {
    }

    /** Cleans the leftovers of destination {@code target} in its parent folder; failures to remove are ignored. */
    public static void cleanFor(Path target) {
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        for (Path p : list(parent)) {
            String n = p.getFileName().toString();
            if (n.startsWith("." + name + ".old-") && stale(p) && !Files.exists(target)) {
                restore(p, target);
            } else if ((n.startsWith("." + name + ".partial-") || n.startsWith("." + name + ".old-")) && stale(p)) {
                remove(p);
            }
        }
    }

    /** Cleans every stale {@code .*.partial-*} temporary file inside {@code dir} (a sweep's folder). */
    public static void cleanInside(Path dir) {
        for (Path p : list(dir)) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") && n.contains(".partial-") && stale(p)) {
                remove(p);
            }
        }
    }

    static boolean stale(Path p) {
        Optional<ProcessOwner> owner = ProcessOwner.of(p);
        if (owner.isEmpty()) {
            return untouchedFor(p, UNOWNED_GRACE);
        }
        if (owner.get().pid() == ProcessHandle.current().pid()) {
            return !StagingRegistry.isLive(p);
        }
        return !owner.get().alive();
    }

    private static boolean untouchedFor(Path p, Duration grace) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toInstant().isBefore(Instant.now().minus(grace));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> list(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void remove(Path p) {
        try {
            AtomicFolder.deleteTree(p);
        } catch (IOException | RuntimeException e) {
            // another process may be removing it too, or it is not ours to remove: leave it
        }
    }

    private static void restore(Path old, Path target) {
        try {
            Files.move(old, target);
        } catch (IOException e) {
            remove(old);
        }
    }
}
