package io.stormglass.cli;

import io.stormglass.report.output.StagingRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one shutdown hook: when the JVM stops while a command runs (Ctrl-C, SIGTERM; the JVM then
 * exits with 130 or 143), it removes every staging folder and temporary file still registered and
 * says so on one line. After a command ends normally there is nothing registered and it says nothing.
 */
final class InterruptCleanup {
    private static boolean installed;
    private static volatile boolean commandRunning;

    private InterruptCleanup() {
    }

    /** Installs the hook once per process. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(InterruptCleanup::onShutdown, "stormglass-cleanup"));
    }

    /** Marks a command as running (true) or done (false). */
    static void running(boolean running) {
        commandRunning = running;
    }

    private static void onShutdown() {
        List<Path> removed = StagingRegistry.shutDown();
        if (commandRunning) {
            // on a terminal the progress bar may have left a line open
            System.err.println((System.console() != null ? "\n" : "") + "stormglass: interrupted" + (removed.isEmpty() ? ""
                    : "; removed " + removed.stream().map(Path::toString).collect(Collectors.joining(", "))));
            System.err.flush();
        }
    }
}
