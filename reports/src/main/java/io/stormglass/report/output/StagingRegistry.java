package io.stormglass.report.output;

import io.stormglass.report.AtomicFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every staging folder and temporary file this process has not yet published or removed: what an
 * interrupt (a shutdown hook) or an internal error removes. One registry per process.
 *
 * <p>Publishing and removing take the same lock, so an interrupt during a publish waits for it to
 * finish, and no publish starts once {@link #shutDown} ran: a reader sees the earlier output or the
 * complete new one, and no half-written staging folder survives the process.
 */
public final class StagingRegistry {
    /** Something done under the registry's lock that may fail to write. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean shutDown;

    private StagingRegistry() {
    }

    /** Records {@code path} as live (to be removed on interrupt or failure). */
    public static synchronized void register(Path path) throws IOException {
        if (shutDown) {
            throw new IOException("the process is shutting down");
        }
        LIVE.add(path);
    }

    /** Whether the shutdown hook ran: the process is being interrupted or terminated. */
    public static synchronized boolean shuttingDown() {
        return shutDown;
    }

    /** Whether {@code path} is live in this process. */
    public static synchronized boolean isLive(Path path) {
        return LIVE.contains(path);
    }

    /** Runs {@code publish} (which moves {@code path} to its final place) and forgets {@code path}. */
    public static synchronized void publish(Path path, IoAction publish) throws IOException {
        if (shutDown) {
            throw new IOException("the process is shutting down");
        }
        publish.run();
        LIVE.remove(path);
    }

    /**
     * Removes {@code path} (a folder or a file) and forgets it. If the removal fails (out of memory
     * while a run's objects still fill the heap, say), the path stays registered, so that the
     * internal-error handler or the shutdown hook removes it once the memory is free again.
     */
    public static synchronized void discard(Path path) throws IOException {
        AtomicFolder.deleteTree(path);
        LIVE.remove(path);
    }

    /** Removes every live path as well as it can; returns those that were there. */
    public static synchronized List<Path> removeAll() {
        List<Path> removed = new ArrayList<>();
        for (Path p : LIVE) {
            if (deleteWithRetries(p)) {
                removed.add(p);
            }
        }
        LIVE.clear();
        return removed;
    }

    /** For the shutdown hook: removes every live path and refuses any further staging or publishing. */
    public static synchronized List<Path> shutDown() {
        shutDown = true;
        return removeAll();
    }

    /** Other threads may still be writing into a staging folder while it is removed: try a few times. */
    private static boolean deleteWithRetries(Path p) {
        boolean existed = p.toFile().exists();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                AtomicFolder.deleteTree(p);
                return existed;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                Thread.onSpinWait();
            }
        }
        return existed;
    }
}
