package io.stormglass.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one corpus case's command line: in-process through {@link CliRunner} on a watched thread
 * (a case that hangs is stopped after its timeout, with every thread it started), or, for a case
 * whose outputs are relative to the working directory ({@code --out .}), in a child JVM whose
 * working directory is a sandbox folder, so that a Stormglass that replaced its output folder
 * could empty only the sandbox, never the module folder the tests run in.
 */
final class CorpusRunner {
    /**
     * What a run did.
     *
     * @param exit   the exit code, or -1 if the run did not end with one
     * @param output stdout then stderr
     * @param crash  null, or why there is no exit code ("timed out after 30 s", "threw OutOfMemoryError: ...")
     */
    record Outcome(int exit, String output, String crash) {
    }

    private CorpusRunner() {
    }

    static Outcome inProcess(List<String> args, int timeoutSeconds) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        AtomicReference<CliRunner.Result> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(CliRunner.run(args.toArray(String[]::new)));
            } catch (Throwable e) { // an OutOfMemoryError or StackOverflowError is a finding, not the end of the suite
                thrown.set(e);
            }
        }, "corpus-case");
        t.setDaemon(true);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            stopThreadsStartedSince(before, t);
            return new Outcome(-1, "", "timed out after " + timeoutSeconds + " s");
        }
        // pools a command forgot to shut down would run on into the next case
        stopThreadsStartedSince(before, t);
        if (thrown.get() != null) {
            Throwable e = thrown.get();
            return new Outcome(-1, "", "threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        CliRunner.Result r = result.get();
        return new Outcome(r.exitCode(), r.out() + r.err(), null);
    }

    /**
     * Stops the case's thread and the non-daemon threads (pools) it left running; Thread.stop is
     * the only way to end a simulation that never checks for interrupts. JVM threads are daemons.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThreadsStartedSince(Set<Thread> before, Thread caseThread) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            boolean ours = t == caseThread || !t.isDaemon();
            if (ours && !before.contains(t) && t != Thread.currentThread() && t.isAlive()) {
                t.interrupt();
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    try {
                        t.stop();
                    } catch (UnsupportedOperationException e) {
                        // JDK 20+: the thread runs on; the case has already failed as a hang
                    }
                }
            }
        }
    }

    /** Runs the CLI in a child JVM with {@code cwd} as its working directory. */
    static Outcome sandboxed(List<String> args, Path cwd, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath());
        command.add(StormglassCli.class.getName());
        command.addAll(args);
        Path log = Files.createTempFile("corpus-sandbox-", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return new Outcome(-1, Files.readString(log, StandardCharsets.UTF_8), "timed out after " + timeoutSeconds + " s");
            }
            return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), null);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** This JVM's class path with every entry absolute (the child runs elsewhere). */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
