package io.stormglass.disk.fit;

import io.stormglass.disk.InputFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a histogram from Prometheus's text exposition format, such as
 * {@code etcd_disk_wal_fsync_duration_seconds_bucket{le="0.008"} 1234}: cumulative counts per
 * upper bound {@code le} in seconds. The quantile curve is the one {@code histogram_quantile}
 * uses: linear within each bucket, the first bucket starting at zero, and values in the
 * {@code +Inf} bucket clamped to the highest finite bound. Samples whose labels other than
 * {@code le} differ (several members in one scrape) are summed.
 *
 * <p>Checked first, each failure an {@link InputFormatException} at its line and column: every
 * {@code <metric>_bucket} line is well formed; within each series (one set of the other labels),
 * in the order written, {@code le} is a non-negative number that increases from bucket to bucket,
 * counts are finite, non-negative and never decrease, and the last bucket is {@code le="+Inf"}.
 */
public final class PrometheusHistogramFit {
    /** One series' buckets as read, in file order. */
    private static final class Series {
        final List<double[]> buckets = new ArrayList<>();
        int lastLine;
        double lastLe = Double.NaN;
    }

    private PrometheusHistogramFit() {
    }

    /**
     * Fits {@code <metric>_bucket} series found in {@code text}; {@code metric} excludes the suffix.
     *
     * @throws InputFormatException where the text is malformed or the histogram impossible; line 0
     *                              when it holds no such series at all
     */
    public static QuantileCurve parse(String text, String metric) {
        String prefix = metric + "_bucket";
        Map<String, Series> series = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            int start = indent(raw);
            if (!raw.startsWith(prefix, start) || raw.startsWith("#", start)) {
                continue;
            }
            int nameEnd = start + prefix.length();
            if (nameEnd < raw.length() && raw.charAt(nameEnd) != '{' && !Character.isWhitespace(raw.charAt(nameEnd))) {
                continue; // another metric whose name starts the same
            }
            add(series, PrometheusSample.parse(raw, n + 1, nameEnd), n + 1, prefix);
        }
        if (series.isEmpty()) {
            throw new InputFormatException(0, 0, "", "no " + prefix + " samples found");
        }
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (Series s : series.values()) {
            if (!Double.isInfinite(s.lastLe)) {
                throw PrometheusSample.fail(s.lastLine, 1, "the series has no le=\"+Inf\" bucket after this one; a histogram ends with it");
            }
            s.buckets.forEach(b -> cumulative.merge(b[0], b[1], Double::sum));
        }
        return curve(cumulative, prefix, series.values().iterator().next().lastLine);
    }

    /** Checks one bucket against the series it belongs to and records it. */
    private static void add(Map<String, Series> series, PrometheusSample sample, int line, String prefix) {
        Map<String, String> others = new TreeMap<>(sample.labels());
        String leText = others.remove("le");
        if (leText == null) {
            throw PrometheusSample.fail(line, sample.valueColumn(), "a bucket needs an le label, such as " + prefix + "{le=\"0.1\"}");
        }
        Double le = PrometheusSample.goFloat(leText);
        if (le == null || le.isNaN() || le < 0) {
            throw PrometheusSample.fail(line, sample.leColumn(), "le must be an upper bound in seconds (a number from 0, or +Inf), got "
                    + InputFormatException.quote(leText));
        }
        Double count = PrometheusSample.goFloat(sample.value());
        if (count == null || !Double.isFinite(count) || count < 0) {
            throw PrometheusSample.fail(line, sample.valueColumn(), "a bucket's count must be a finite number from 0, got "
                    + InputFormatException.quote(sample.value()));
        }
        Series s = series.computeIfAbsent(others.toString(), k -> new Series());
        if (!s.buckets.isEmpty()) {
            double[] last = s.buckets.get(s.buckets.size() - 1);
            if (le <= last[0]) {
                throw PrometheusSample.fail(line, sample.leColumn(), "le must increase from one bucket to the next: "
                        + InputFormatException.quote(leText) + " after " + InputFormatException.quote(number(last[0])));
            }
            if (count < last[1]) {
                throw PrometheusSample.fail(line, sample.valueColumn(), "counts are cumulative and never decrease: "
                        + InputFormatException.quote(sample.value()) + " after " + InputFormatException.quote(number(last[1])));
            }
        }
        s.buckets.add(new double[] {le, count});
        s.lastLine = line;
        s.lastLe = le;
    }

    /** The quantile curve of the summed cumulative counts, as {@code histogram_quantile} interpolates. */
    private static QuantileCurve curve(TreeMap<Double, Double> cumulative, String prefix, int line) {
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            throw PrometheusSample.fail(line, 1, prefix + " has no observations (its +Inf bucket counts 0)");
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0.0, 0.0});
        double highestFinite = 0;
        for (var e : cumulative.entrySet()) {
            if (e.getKey().isInfinite()) {
                continue;
            }
            highestFinite = e.getKey();
            points.add(new double[] {e.getValue() / total, Math.min(e.getKey() * 1e9, FioJsonFit.MAX_LATENCY_NANOS)});
        }
        if (points.get(points.size() - 1)[0] < 1.0) {
            points.add(new double[] {1.0, Math.min(highestFinite * 1e9, FioJsonFit.MAX_LATENCY_NANOS)});
        }
        return QuantileCurve.fromPoints(points);
    }

    private static int indent(String raw) {
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String number(double v) {
        return Double.isInfinite(v) ? "+Inf" : v == Math.rint(v) && v < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
