package io.stormglass.report.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates a hidden, uniquely named file or folder: {@code .NAME.ROLE-PID-RANDOM}. Unlike
 * {@link Files#createTempDirectory}, it gets the user's usual permissions (the umask's), not
 * owner-only ones, because it becomes the published output.
 */
final class HiddenSibling {
    private HiddenSibling() {
    }

    /** The prefix of every such path for {@code name} and {@code role} ({@code partial} or {@code old}) of this process. */
    static String prefix(String name, String role) {
        return "." + name + "." + role + "-" + ProcessHandle.current().pid() + "-";
    }

    /** A new, empty folder {@code .NAME.ROLE-PID-RANDOM} in {@code parent}. */
    static Path folder(Path parent, String name, String role) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(parent.resolve(prefix(name, role) + random()));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A new, empty file {@code .NAME.ROLE-PID-RANDOM} in {@code parent}. */
    static Path file(Path parent, String name, String role) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(parent.resolve(prefix(name, role) + random()));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A path {@code .NAME.ROLE-PID-RANDOM} in {@code parent} that does not exist yet. */
    static Path unused(Path parent, String name, String role) {
        Path p;
        do {
            p = parent.resolve(prefix(name, role) + random());
        } while (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        return p;
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
