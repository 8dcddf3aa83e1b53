package io.stormglass.experiment.sweep;

import io.stormglass.experiment.failover.FailoverDistribution;
import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvNumbers;
import io.stormglass.report.csv.CsvRowWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sweep.csv}: one row per finished (point, seed) run, appended and flushed as each run ends,
 * so that an interrupted sweep loses at most the runs in progress, each row on one line (the error's
 * line breaks become {@code |}). Stormglass's CSV ({@link CsvFormat}); numbers in plain decimals
 * ({@link CsvNumbers#decimals}: milliseconds, seconds, per hour, per day as the column names say);
 * an infinite failover time is {@code inf}; {@code failover_ms} lists every trial separated by spaces. Rows come
 * in completion order, which depends on {@code --jobs}: sort by point and seed to compare sweeps.
 */
public final class SweepCsv implements Closeable {
    static final List<String> COLUMNS = List.of("seed", "status", "heartbeat_ms", "election_ms", "simulated_s", "wall_s",
            "events", "fingerprint", "leader_changes", "spurious_changes", "spurious_per_hour", "unavailable_s",
            "unavailable_s_per_day", "requests", "errors", "error_rate", "put_p99_ms", "get_p99_ms", "wal_fsync_max_ms",
            "rtt_ms", "failover_trials", "failover_p50_ms", "failover_p99_ms", "failover_ms", "error");

    private final BufferedWriter out;
    private final CsvRowWriter csv;
    private final List<String> variedKeys;

    private SweepCsv(BufferedWriter out, List<String> variedKeys) throws IOException {
        this.out = out;
        this.csv = CsvFormat.writer(out);
        this.variedKeys = List.copyOf(variedKeys);
    }

    /** The header for a sweep varying {@code variedKeys}. */
    public static List<String> header(List<String> variedKeys) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(variedKeys);
        h.addAll(COLUMNS);
        return h;
    }

    /**
     * Opens {@code file} for appending, writing the header if the file is new or empty.
     *
     * @throws io.stormglass.scenario.yaml.ScenarioException if the file is not this sweep's
     *         {@code sweep.csv} (another header, damaged rows), located at the line at fault
     */
    public static SweepCsv append(Path file, List<String> variedKeys) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            SweepCsvReader.read(file, variedKeys);
            dropUnfinishedLine(file);
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        SweepCsv csv = new SweepCsv(w, variedKeys);
        if (fresh) {
            csv.writeLine(header(variedKeys));
        }
        return csv;
    }

    /** Appends one row and flushes it to the file. */
    public synchronized void write(RunRow row, SweepPoint point) throws IOException {
        List<String> cells = new ArrayList<>();
        cells.add(row.pointId());
        for (String k : variedKeys) {
            cells.add(point.value(k) == null ? "" : point.value(k));
        }
        cells.add(Long.toString(row.seed()));
        cells.add(row.status().text());
        cells.add(num(row.heartbeatMs()));
        cells.add(num(row.electionMs()));
        Measurements m = row.measured();
        if (m == null) {
            for (int i = 0; i < COLUMNS.size() - 5; i++) {
                cells.add("");
            }
        } else {
            double[] f = m.failoverMs();
            long[] nanos = Arrays.stream(f).mapToLong(v -> Double.isInfinite(v) ? Long.MAX_VALUE : Math.round(v * 1e6)).sorted().toArray();
            cells.addAll(List.of(num(m.simulatedSeconds()), num(m.wallSeconds()), Long.toString(m.events()), m.fingerprint(),
                    Integer.toString(m.leaderChanges()), Integer.toString(m.spuriousChanges()), num(m.spuriousPerHour()),
                    num(m.unavailableSeconds()), num(m.unavailableSecondsPerDay()), Long.toString(m.requests()),
                    Long.toString(m.errors()), num(m.errorRate()), num(m.putP99Ms()), num(m.getP99Ms()), num(m.walFsyncMaxMs()),
                    num(m.rttMs()), Integer.toString(f.length),
                    f.length == 0 ? "" : num(FailoverDistribution.percentileMs(nanos, 50)),
                    f.length == 0 ? "" : num(FailoverDistribution.percentileMs(nanos, 99)),
                    Arrays.stream(f).mapToObj(SweepCsv::num).collect(Collectors.joining(" "))));
        }
        cells.add(row.error().replaceAll("\\s*\\R\\s*", " | "));
        writeLine(cells);
    }

    /**
     * Every row of an existing {@code sweep.csv} (empty if there is none); rows cut short by a kill
     * are skipped. Anything else amiss is a located {@link io.stormglass.scenario.yaml.ScenarioException}
     * ({@link SweepCsvReader}).
     */
    public static List<RunRow> read(Path file, List<String> variedKeys) {
        return SweepCsvReader.read(file, variedKeys);
    }

    private void writeLine(List<String> cells) throws IOException {
        csv.row(cells).flush();
    }

    @Override
    public synchronized void close() throws IOException {
        try (out) {
            csv.close();
        }
    }

    /** A plain decimal with at most 6 decimals (nanoseconds in a millisecond column); NaN is empty, infinity is {@code inf}. */
    static String num(double v) {
        return CsvNumbers.decimals(v, 6);
    }

    /**
     * A kill may leave a partial last line: it is cut off (its run is done again), so that the
     * next row starts on a line of its own and no short row is ever left inside the file.
     */
    private static void dropUnfinishedLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            channel.truncate(end);
        }
    }

    /** Whether {@code file} ends with a line break (or is empty). */
    static boolean endsWithNewline(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return channel.size() == 0 || (channel.read(last, channel.size() - 1) == 1 && last.get(0) == '\n');
        } catch (IOException e) {
            return true;
        }
    }
}
