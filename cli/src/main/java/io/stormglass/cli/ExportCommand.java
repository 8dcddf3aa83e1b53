package io.stormglass.cli;

import io.stormglass.report.ReportWriter;
import io.stormglass.report.export.Leaderships;
import io.stormglass.report.export.MetricsTable;
import io.stormglass.report.export.OpenMetrics;
import io.stormglass.report.output.AtomicFile;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass export RUN_DIR}: the run's metrics as OpenMetrics text for Prometheus. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes RUN_DIR/" + ExportCommand.FILE + ": every metric of RUN_DIR/metrics.csv as OpenMetrics text,",
            "stamped with simulated time from --start, and stormglass_leader_changes_total from RUN_DIR/events.jsonl.",
            "Load it into Prometheus with",
            "  promtool tsdb create-blocks-from openmetrics RUN_DIR/" + ExportCommand.FILE + " DATA_DIR",
            "and open docs/grafana/stormglass-etcd.json in Grafana. (RUN_DIR/trace.json, for ui.perfetto.dev, is",
            "written by the run itself.) Exit codes: 0 written, 2 bad input, 74 it could not be written."})
final class ExportCommand implements Callable<Integer> {
    static final String FILE = "metrics.openmetrics.txt";
    /** The run's changes of leader, from its timeline, as summary.json counts them. */
    static final String LEADER_CHANGES = "stormglass_leader_changes_total";

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run's output folder")
    Path dir;

    @Option(names = "--start", defaultValue = "2026-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "the wall-clock instant simulated time 0 is stamped with (ISO-8601, UTC); default ${DEFAULT-VALUE}")
    String start;

    @Override
    public Integer call() throws IOException {
        long startEpoch;
        try {
            startEpoch = Instant.parse(start).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new UserInputException("--start: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, found \"" + start + "\"");
        }
        RunFolders.require(dir, ReportWriter.METRICS_CSV);
        MetricsTable table;
        try (Reader in = Files.newBufferedReader(dir.resolve(ReportWriter.METRICS_CSV), StandardCharsets.UTF_8)) {
            table = MetricsTable.read(in);
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException) {
                throw e;
            }
            throw new UserInputException(dir.resolve(ReportWriter.METRICS_CSV) + ": " + e.getMessage());
        }
        SortedMap<String, double[]> timeline = new TreeMap<>();
        if (Files.isRegularFile(dir.resolve(ReportWriter.EVENTS_JSONL))) {
            timeline.put(LEADER_CHANGES, Leaderships.changeTimes(Leaderships.read(dir.resolve(ReportWriter.EVENTS_JSONL))));
        }
        Path target = dir.resolve(FILE);
        AtomicFile.write(target, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                OpenMetrics.write(table, timeline, startEpoch, out);
            }
        });
        System.out.println("openmetrics: " + target + " (" + table.windows() + " windows, " + table.columns().size()
                + " series statistics)");
        return ExitCodes.OK;
    }
}
