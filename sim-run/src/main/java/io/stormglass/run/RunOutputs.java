package io.stormglass.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.raft.client.History;
import io.stormglass.report.ReportWriter;
import io.stormglass.report.RunRecord;
import io.stormglass.report.explorer.ExplorerTrace;
import io.stormglass.report.explorer.ExplorerWriter;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import io.stormglass.run.verdict.CheckReport;
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
 * the target ({@link StagingFolder}: member logs are streamed there while the run goes on, so
 * memory stays bounded), and the staging folder, marked as a run's, is renamed to the target only
 * when complete. A failed or interrupted run leaves the previous folder as it was and no
 * half-written one. Whether the target may be replaced is the caller's decision, taken before the
 * run starts ({@link io.stormglass.report.output.OutputDestination}).
 */
final class RunOutputs implements AutoCloseable {
    private final StagingFolder staging;
    private final String command;
    private final Map<Integer, BufferedWriter> logs = new TreeMap<>();

    /** Stages the folder of {@code target}; {@code command} goes into its marker. */
    RunOutputs(Path target, String command) throws IOException {
        this.staging = StagingFolder.create(target);
        this.command = command;
        try {
            Files.createDirectories(staging.dir().resolve("logs"));
        } catch (IOException e) {
            staging.close();
            throw e;
        }
    }

    /** The sink of member {@code id}'s etcd-style JSON log ({@code logs/n<id>.log}). */
    Consumer<String> memberLog(int id) {
        BufferedWriter out = logs.computeIfAbsent(id, i -> {
            try {
                return Files.newBufferedWriter(staging.dir().resolve("logs/n" + i + ".log"), StandardCharsets.UTF_8);
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
     * ({@code checks.txt}, {@code checks.json}) if checked, the explorer if {@code explorer} is not null,
     * then publishes the folder.
     */
    Path publish(RunRecord record, boolean withReport, History history, CheckReport checks, ExplorerTrace explorer)
            throws IOException {
        closeLogs();
        Path dir = staging.dir();
        ReportWriter.writeInto(record, dir, withReport);
        if (explorer != null) {
            ExplorerWriter.writeInto(record, explorer, dir);
        }
        if (checks != null) {
            Files.writeString(dir.resolve("checks.txt"), checks.describe(), StandardCharsets.UTF_8);
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("checks.json").toFile(), checks.toMap());
        }
        if (history != null) {
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("history.jsonl"), StandardCharsets.UTF_8)) {
                HistoryJsonlWriter.write(history.operations(), out);
            }
        }
        return staging.publish(OutputKind.RUN, command);
    }

    /** Removes the staging folder unless the run was published. */
    @Override
    public void close() throws IOException {
        try {
            closeLogs();
        } finally {
            staging.close();
        }
    }

    private void closeLogs() throws IOException {
        for (BufferedWriter w : logs.values()) {
            w.close();
        }
        logs.clear();
    }
}
