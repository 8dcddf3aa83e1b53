package io.stormglass.report.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file written atomically: into a hidden {@code .NAME.partial-PID-*} file beside it
 * (registered for removal on interrupt or failure), then renamed over it. A reader sees the earlier
 * file or the complete new one. A destination that exists and is not a regular file (a device the
 * user chose with {@code --force}, such as {@code /dev/full}) is written in place instead: renaming
 * over a device would replace the device itself.
 */
public final class AtomicFile {
    /** Writes a file at the path it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, f -> Files.writeString(f, text, StandardCharsets.UTF_8));
    }

    /** Lets {@code body} write a temporary file, then renames it to {@code target}. */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isRegularFile(abs) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            try {
                body.writeTo(abs);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                // name the file: a device's write error ("No space left on device") does not
                throw new FileSystemException(abs.toString(), null, e.getMessage());
            }
            return;
        }
        Path temp = HiddenSibling.file(abs.getParent(), abs.getFileName().toString(), "partial");
        try {
            StagingRegistry.register(temp);
            body.writeTo(temp);
            StagingRegistry.publish(temp, () -> move(temp, abs));
        } finally {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                StagingRegistry.discard(temp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
