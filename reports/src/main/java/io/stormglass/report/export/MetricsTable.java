package io.stormglass.report.export;

import io.stormglass.report.csv.CsvFormat;
import io.stormglass.report.csv.CsvRecord;
import io.stormglass.report.csv.CsvRecordReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code metrics.csv} read back as columns: the windows' end times and, per series and statistic,
 * one value per window ({@code NaN} where the file has no row). Read in one streaming pass, with
 * primitive arrays, so a long run's file fits in memory.
 */
public final class MetricsTable {
    /** One statistic of one series: {@code metric}, {@code labels} ({@code k=v,...}) and {@code statistic} as in the file. */
    public record Key(String metric, String labels, String statistic) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = metric.compareTo(o.metric);
            c = c != 0 ? c : labels.compareTo(o.labels);
            return c != 0 ? c : statistic.compareTo(o.statistic);
        }
    }

    private final double[] windowEndSeconds;
    private final SortedMap<Key, double[]> columns;

    private MetricsTable(double[] windowEndSeconds, SortedMap<Key, double[]> columns) {
        this.windowEndSeconds = windowEndSeconds;
        this.columns = columns;
    }

    /** Reads a file written by {@link MetricsCsv#write}; fails on a wrong header or a malformed row, naming its line. */
    public static MetricsTable read(Reader in) throws IOException {
        List<Double> ends = new ArrayList<>();
        Map<Key, double[]> values = new HashMap<>();
        String currentStart = null;
        try (CsvRecordReader reader = CsvFormat.reader(in)) {
            CsvRecord header = reader.next();
            if (header == null || !String.join(",", header.cells()).equals(MetricsCsv.HEADER)) {
                throw new IOException("not a metrics.csv header: " + (header == null ? "nothing" : String.join(",", header.cells())));
            }
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                List<String> f = r.cells();
                if (f.size() != 6) {
                    throw new IOException("line " + r.line() + " has " + f.size() + " fields, expected 6");
                }
                if (!f.get(0).equals(currentStart)) {
                    currentStart = f.get(0);
                    ends.add(parse(f.get(1), r.line()));
                }
                int w = ends.size() - 1;
                double[] column = values.computeIfAbsent(new Key(f.get(2), f.get(3), f.get(4)), k -> nans(64));
                if (w >= column.length) {
                    double[] grown = nans(Math.max(w + 1, column.length * 2));
                    System.arraycopy(column, 0, grown, 0, column.length);
                    column = grown;
                    values.put(new Key(f.get(2), f.get(3), f.get(4)), column);
                }
                column[w] = parse(f.get(5), r.line());
            }
        }
        int n = ends.size();
        SortedMap<Key, double[]> columns = new TreeMap<>();
        values.forEach((k, v) -> {
            double[] column = nans(n);
            System.arraycopy(v, 0, column, 0, Math.min(n, v.length));
            columns.put(k, column);
        });
        return new MetricsTable(ends.stream().mapToDouble(Double::doubleValue).toArray(), columns);
    }

    private static double parse(String text, long line) throws IOException {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            throw new IOException("line " + line + ": not a number: " + text);
        }
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Number of windows. */
    public int windows() {
        return windowEndSeconds.length;
    }

    /** End of window {@code i}, in seconds of virtual time. */
    public double windowEndSeconds(int i) {
        return windowEndSeconds[i];
    }

    /** Every column, by key order (metric, labels, statistic). */
    public SortedMap<Key, double[]> columns() {
        return columns;
    }
}
