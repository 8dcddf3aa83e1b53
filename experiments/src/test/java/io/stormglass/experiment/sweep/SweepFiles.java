package io.stormglass.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small base scenario and sweep files around it, written into a test's temporary folder. */
final class SweepFiles {
    static final String BASE = """
            description: a small cluster for sweep tests
            duration: 12s
            warmup: 2s
            cluster:
              size: 3
            workload:
              clients: 1
              think-time: 50ms
              mix: {put: 0.5, get: 0.5}
            outputs:
              member-logs: false
            """;

    private SweepFiles() {
    }

    /** Writes the base scenario and {@code sweep.yaml} with {@code text}; returns the sweep file. */
    static Path write(Path dir, String text) {
        try {
            Files.writeString(dir.resolve("base.yaml"), BASE);
            Path sweep = dir.resolve("sweep.yaml");
            Files.writeString(sweep, text);
            return sweep;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two heartbeats × two election timeouts, one combination refused by etcd (500ms < 5 × 200ms). */
    static final String GRID = """
            description: a 2 x 2 grid
            base: base.yaml
            vary:
              cluster.heartbeat-interval: [100ms, 200ms]
              cluster.election-timeout: [500ms, 1s]
            seeds: 1
            failover:
              trials: 2
            """;
}
