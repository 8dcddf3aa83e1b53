package io.stormglass.experiment.failover;

import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvNumbers;
import io.stormglass.report.csv.CsvRowWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code failover.csv}: one row per trial in trial order, in Stormglass's CSV ({@link CsvFormat}),
 * UTF-8. {@code crash_at_s} has 6 decimals (microseconds), {@code failover_ms} 3 (microseconds), both
 * as {@link CsvNumbers#fixed}; a member is {@code n<id>}; a cell is empty where there was no leader to
 * crash, no new leader or no failover within the observation window; {@code terms} is how many terms the
 * election took (more than 1 after a split vote).
 */
public final class FailoverCsv {
    /** The header row. */
    public static final List<String> COLUMNS = List.of("trial", "seed", "crash_at_s", "crashed_leader", "new_leader",
            "failover_ms", "terms", "fingerprint");

    private FailoverCsv() {
    }

    /** Writes {@code trials} into {@code file}, replacing it. */
    public static void write(List<FailoverTrial> trials, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvRowWriter csv = CsvFormat.writer(out)) {
            csv.row(COLUMNS);
            for (int i = 0; i < trials.size(); i++) {
                FailoverTrial t = trials.get(i);
                csv.cell(i).cell(t.seed()).cell(CsvNumbers.fixed(t.crashAtNanos() / 1e9, 6))
                        .cell(member(t.crashedLeader())).cell(member(t.newLeader()))
                        .cell(t.resolved() ? CsvNumbers.fixed(t.failoverNanos() / 1e6, 3) : "")
                        .cell(t.resolved() ? Long.toString(t.terms()) : "").cell(t.fingerprint()).endRow();
            }
        }
    }

    private static String member(int id) {
        return id == 0 ? "" : "n" + id;
    }
}
