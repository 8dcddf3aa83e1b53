package io.stormglass.report.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a staging folder or temporary file: its pid (also part of the name, so
 * that a file can be judged without opening it) and, in a folder's {@value #FILE}, its start time,
 * which tells a live owner from a later process that was given the same pid.
 *
 * @param pid     the owner's process id
 * @param started when it started, if known
 */
record ProcessOwner(long pid, Optional<Instant> started) {
    /** The file inside a staging folder that names its owner. */
    static final String FILE = ".stormglass-owner";
    private static final Pattern PID_IN_NAME = Pattern.compile("\\.(?:partial|old)-(\\d{1,18})-");

    static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(self.pid(), self.info().startInstant());
    }

    /** Writes {@code pid: N} and {@code started: INSTANT} into {@code dir}'s owner file. */
    void writeInto(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), "pid: " + pid + "\n" + started.map(s -> "started: " + s + "\n").orElse(""),
                StandardCharsets.UTF_8);
    }

    /** The owner named by a staging or temporary path ({@code .NAME.partial-PID-...}), its owner file if it has one. */
    static Optional<ProcessOwner> of(Path staged) {
        Matcher m = PID_IN_NAME.matcher(staged.getFileName().toString());
        if (!m.find()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(m.group(1));
        Optional<Instant> started = Optional.empty();
        Path file = staged.resolve(FILE);
        try {
            if (Files.isRegularFile(file) && Files.size(file) < 1024) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("started: ")) {
                        started = Optional.of(Instant.parse(line.substring("started: ".length()).strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable owner file: judge by the pid alone
        }
        return Optional.of(new ProcessOwner(pid, started));
    }

    /** Whether this owner still runs: its pid is alive and, where both are known, started when recorded. */
    boolean alive() {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        Optional<Instant> now = h.get().info().startInstant();
        return started.isEmpty() || now.isEmpty() || started.get().equals(now.get());
    }
}
