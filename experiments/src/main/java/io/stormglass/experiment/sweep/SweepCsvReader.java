package io.stormglass.experiment.sweep;

import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvNumbers;
import io.stormglass.report.csv.CsvSyntaxException;
import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Seeds;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an existing {@code sweep.csv} back when a sweep resumes, streamed line by line (within
 * {@link InputKind#RESULTS}'s bound), each line one row in Stormglass's CSV ({@link CsvFormat#cells}:
 * {@link SweepCsv} writes each row on one line). Its first line must be this sweep's
 * header. A last line without its line break and with fewer cells than the header, or with a quoted
 * cell left open, was cut short by a kill: it is skipped, and its run is done again (appending drops
 * it, {@link SweepCsv#append}). Any other damage — a short row or an unclosed quote anywhere else,
 * more cells than the header, a seed, status or number that does not read — is a
 * {@link ScenarioException} at {@code FILE:LINE: column NAME: ...}, since running on would silently
 * drop or redo results; the user decides (mend the row, or delete it to run it again).
 */
final class SweepCsvReader {
    private final String shown;
    private final List<String> header;
    private final int first;

    private SweepCsvReader(String shown, List<String> header, int variedKeys) {
        this.shown = shown;
        this.header = header;
        this.first = variedKeys + 1;
    }

    /** Every complete row of {@code file} (empty if there is none). */
    static List<RunRow> read(Path file, List<String> variedKeys) {
        List<RunRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        SweepCsvReader reader = new SweepCsvReader(file.toString(), SweepCsv.header(variedKeys), variedKeys.size());
        // a row that is short or not CSV: allowed only as the unfinished last line a kill leaves
        ScenarioException[] cut = {null};
        InputFiles.forEachLine(file, file.toString(), InputKind.RESULTS, (n, line) -> {
            if (cut[0] != null) {
                throw cut[0];
            }
            if (n == 1) {
                reader.checkHeader(headerCells(line));
            } else if (!line.isBlank()) {
                List<String> cells;
                try {
                    cells = reader.cells(line, n);
                } catch (ScenarioException e) {
                    cut[0] = e;
                    return;
                }
                if (cells.size() > reader.header.size()) {
                    throw reader.problem(n, "", "expected " + reader.header.size() + " cells as in the header, got " + cells.size());
                }
                if (cells.size() == reader.header.size()) {
                    rows.add(reader.row(cells, n));
                } else {
                    cut[0] = reader.shortRow(n);
                }
            }
        });
        if (cut[0] != null && SweepCsv.endsWithNewline(file)) {
            throw cut[0]; // a finished line: written so, not cut by a kill
        }
        return rows;
    }

    /** The cells of line {@code n}, or the located reason it is not one CSV row. */
    private List<String> cells(String line, int n) {
        try {
            return CsvFormat.cells(line);
        } catch (CsvSyntaxException e) {
            throw problem(n, "", e.reason() + "; mend the row, or delete it to run it again");
        }
    }

    /** The header's cells; a header that is not CSV at all is simply not this sweep's. */
    private static List<String> headerCells(String line) {
        try {
            return CsvFormat.cells(line);
        } catch (CsvSyntaxException e) {
            return List.of(line);
        }
    }

    private ScenarioException shortRow(int n) {
        return problem(n, "", "expected " + header.size() + " cells as in the header, got fewer; delete the row to run it again");
    }

    /** Refuses a file of another sweep (or not a sweep.csv at all), whose rows this sweep cannot read. */
    void checkHeader(List<String> found) {
        if (!found.equals(header)) {
            throw problem(1, "", "the columns differ from this sweep's (" + Quote.of(String.join(",", header.subList(0, first)))
                    + ", ...): it holds another sweep's results; use another --out");
        }
    }

    private RunRow row(List<String> c, int n) {
        String pointId = c.get(0);
        long seed;
        try {
            seed = Seeds.parse(c.get(first));
        } catch (UnitException e) {
            throw problem(n, column(first), e.getMessage());
        }
        RunStatus status = status(c.get(first + 1), n);
        double hb = dbl(c, first + 2, n);
        double et = dbl(c, first + 3, n);
        Measurements m = status == RunStatus.OK ? measurements(c, first + 4, n) : null;
        return new RunRow(pointId, seed, status, hb, et, m, c.get(c.size() - 1));
    }

    private Measurements measurements(List<String> c, int i, int n) {
        String samples = c.get(i + 19).trim();
        double[] failover = samples.isEmpty() ? new double[0] : new double[samples.split(" +").length];
        String[] parts = samples.isEmpty() ? new String[0] : samples.split(" +");
        for (int k = 0; k < parts.length; k++) {
            failover[k] = number(parts[k], i + 19, n);
        }
        String fingerprint = c.get(i + 3);
        if (fingerprint.isBlank()) {
            throw problem(n, column(i + 3), "expected the run's fingerprint, got nothing");
        }
        return new Measurements(dbl(c, i, n), dbl(c, i + 1, n), whole(c, i + 2, n, Long.MAX_VALUE), fingerprint,
                (int) whole(c, i + 4, n, Integer.MAX_VALUE), (int) whole(c, i + 5, n, Integer.MAX_VALUE), dbl(c, i + 6, n),
                dbl(c, i + 7, n), dbl(c, i + 8, n), whole(c, i + 9, n, Long.MAX_VALUE), whole(c, i + 10, n, Long.MAX_VALUE),
                dbl(c, i + 12, n), dbl(c, i + 13, n), dbl(c, i + 14, n), dbl(c, i + 15, n), failover);
    }

    private RunStatus status(String text, int n) {
        return Arrays.stream(RunStatus.values()).filter(s -> s.text().equals(text)).findFirst().orElseThrow(() ->
                problem(n, column(first + 1), "expected ok, invalid or error, got " + Quote.of(text)));
    }

    /** A plain decimal as {@link CsvNumbers#decimals} writes it: empty for none (NaN), {@code inf} for infinity. */
    private double dbl(List<String> c, int i, int n) {
        return number(c.get(i), i, n);
    }

    private double number(String s, int i, int n) {
        try {
            return CsvNumbers.parseDecimals(s);
        } catch (NumberFormatException e) {
            throw problem(n, column(i), "expected a number (as sweep writes them: 12.5, inf or empty), got " + Quote.of(s));
        }
    }

    /** A count from 0 to {@code max}. */
    private long whole(List<String> c, int i, int n, long max) {
        String s = c.get(i);
        if (s.length() > 19 || !s.matches("[0-9]+") || new java.math.BigInteger(s).compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw problem(n, column(i), "expected a whole number from 0 to " + max + ", got " + Quote.of(s));
        }
        return Long.parseLong(s);
    }

    private String column(int i) {
        return "column " + header.get(i);
    }

    private ScenarioException problem(int row, String column, String message) {
        return new ScenarioException(new ScenarioProblem(Location.line(shown, row), column, message));
    }
}
