package io.stormglass.report.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The checks every destination passes, whether a folder or a file is to be written there: the
 * ones no option lifts (an empty path, {@code .}, {@code ..}, the root, the working folder and its
 * parents, the home folder and its parents, a path whose parent is a file) and the one
 * {@code --force} lifts (inside a Maven project's {@code src} or a {@code .git} folder).
 * Paths are compared after resolving symbolic links, so a link to the working folder is the
 * working folder.
 */
final class PathRules {
    private PathRules() {
    }

    /** The absolute, normalised form of {@code requested}, or a refusal no option lifts. */
    static Path absolute(Path requested, OutputEnvironment env) throws OutputRefusal {
        String raw = requested.toString();
        if (raw.isEmpty()) {
            throw new OutputRefusal("expected a path, found an empty one", false);
        }
        Path last = requested.getFileName();
        if (last != null && (last.toString().equals(".") || last.toString().equals(".."))) {
            throw OutputRefusal.never("expected a folder of its own, found '" + raw + "', which ends in " + last);
        }
        Path abs = env.workingDir().resolve(requested).toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw OutputRefusal.never("expected a folder of its own, found the root folder " + abs);
        }
        Path real = real(abs);
        Path cwd = real(env.workingDir().toAbsolutePath().normalize());
        Path home = real(env.home().toAbsolutePath().normalize());
        if (real.equals(cwd)) {
            throw OutputRefusal.never("expected a folder of its own, found the working folder " + abs);
        }
        if (cwd.startsWith(real)) {
            throw OutputRefusal.never("expected a folder of its own, found " + abs + ", a parent of the working folder");
        }
        if (real.equals(home)) {
            throw OutputRefusal.never("expected a folder of its own, found your home folder " + abs);
        }
        if (home.startsWith(real)) {
            throw OutputRefusal.never("expected a folder of its own, found " + abs + ", a parent of your home folder");
        }
        Path above = nearestExisting(abs.getParent());
        if (above != null && !Files.isDirectory(above)) {
            throw new OutputRefusal("expected a path whose parent is a folder, found " + above + " in the way, which is not a folder",
                    false);
        }
        return abs;
    }

    /** A refusal if {@code abs} lies inside a Maven project's sources or a Git folder, unless forced. */
    static void outsideSources(Path abs, boolean force) throws OutputRefusal {
        if (force) {
            return;
        }
        Path real = real(abs);
        for (Path p = real; p != null && p.getParent() != null; p = p.getParent()) {
            String name = p.getFileName().toString();
            if (name.equals(".git")) {
                throw OutputRefusal.unlessForced("expected a path outside a Git repository's .git folder, found " + abs,
                        "choose another path or add --force to write there anyway");
            }
            if (name.equals("src") && Files.isRegularFile(p.getParent().resolve("pom.xml"))) {
                throw OutputRefusal.unlessForced("expected a path outside the project's sources, found " + abs
                        + " (under " + p + ", beside a pom.xml)", "choose another path or add --force to write there anyway");
            }
        }
    }

    /** {@code abs} with symbolic links resolved as far as it exists; the rest appended as written. */
    static Path real(Path abs) {
        Deque<Path> rest = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (existing.getFileName() != null) {
                rest.push(existing.getFileName());
            }
            existing = existing.getParent();
        }
        Path r;
        try {
            r = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            r = existing;
        }
        while (!rest.isEmpty()) {
            r = r.resolve(rest.pop());
        }
        return r;
    }

    private static Path nearestExisting(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q;
    }
}
