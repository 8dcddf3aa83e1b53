package io.stormglass.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** An I/O failure in plain words, on one line: the file (where known) and what went wrong, no Java class names. */
final class IoErrors {
    private IoErrors() {
    }

    /** The I/O exception at the root of {@code t}, or null if it is not an I/O failure. */
    static IOException ioCause(Throwable t) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < 10; depth++, c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (!(c instanceof UncheckedIOException) && !(c instanceof java.io.IOError)) {
                return null;
            }
        }
        return null;
    }

    /** {@code FILE: reason} or {@code reason}. */
    static String describe(IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "folder not empty";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a folder";
        } else if (e instanceof FileSystemException f) {
            reason = f.getReason() == null ? "input/output error" : f.getReason();
        } else {
            reason = e.getMessage() == null ? "input/output error" : e.getMessage();
        }
        reason = firstLine(reason);
        reason = reason.isEmpty() ? "input/output error" : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        return file == null ? reason : file + ": " + reason;
    }

    static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
