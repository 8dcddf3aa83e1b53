package io.stormglass.scenario.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.raft.client.History;
import io.stormglass.report.AtomicFolder;
import io.stormglass.report.ReportWriter;
import io.stormglass.report.RunRecord;
import io.stormglass.scenario.check.CheckReport;
import io.stormglass.scenario.history.HistoryJsonlWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A run's output folder, written atomically: everything goes into a hidden staging folder beside
 * the target (member logs are streamed there while the run goes on, so memory stays bounded), and
 * the staging folder is renamed to the target only when complete. A failed or interrupted run
 * leaves the previous folder as it was and no half-written one.
 */
final class RunOutputs implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final Map<Integer, BufferedWriter> logs = new TreeMap<>();
    private boolean published;

    RunOutputs(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Files.createDirectories(this.target.getParent());
        this.staging = Files.createTempDirectory(this.target.getParent(), "." + this.target.getFileName() + ".partial-");
        Files.createDirectories(staging.resolve("logs"));
    }

    /** The sink of member {@code id}'s etcd-style JSON log ({@code logs/n<id>.log}). */
    Consumer<String> memberLog(int id) {
        BufferedWriter out = logs.computeIfAbsent(id, i -> {
            try {
                return Files.newBufferedWriter(staging.resolve("logs/n" + i + ".log"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return line -> {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Writes the data files, the report if asked, the history if recorded, the checks' verdict
     * ({@code checks.txt}, {@code checks.json}) if checked, then publishes the folder.
     */
    Path publish(RunRecord record, boolean withReport, History history, CheckReport checks) throws IOException {
        closeLogs();
        ReportWriter.writeInto(record, staging, withReport);
        if (checks != null) {
            Files.writeString(staging.resolve("checks.txt"), checks.describe(), StandardCharsets.UTF_8);
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(staging.resolve("checks.json").toFile(), checks.toMap());
        }
        if (history != null) {
            try (BufferedWriter out = Files.newBufferedWriter(staging.resolve("history.jsonl"), StandardCharsets.UTF_8)) {
                HistoryJsonlWriter.write(history.operations(), out);
            }
        }
        AtomicFolder.replace(staging, target);
        published = true;
        return target;
    }

    /** Removes the staging folder unless the run was published. */
    @Override
    public void close() throws IOException {
        closeLogs();
        if (!published) {
            AtomicFolder.deleteTree(staging);
        }
    }

    private void closeLogs() throws IOException {
        for (BufferedWriter w : logs.values()) {
            w.close();
        }
        logs.clear();
    }
}
