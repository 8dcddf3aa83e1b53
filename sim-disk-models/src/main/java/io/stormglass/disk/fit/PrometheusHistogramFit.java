package io.stormglass.disk.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a histogram from Prometheus's text exposition format, such as
 * {@code etcd_disk_wal_fsync_duration_seconds_bucket{le="0.008"} 1234}: cumulative counts per
 * upper bound {@code le} in seconds. The quantile curve is the one {@code histogram_quantile}
 * uses: linear within each bucket, the first bucket starting at zero, and values in the
 * {@code +Inf} bucket clamped to the highest finite bound. Samples whose labels other than
 * {@code le} differ (several members in one scrape) are summed.
 */
public final class PrometheusHistogramFit {
    private PrometheusHistogramFit() {
    }

    /** Fits {@code <metric>_bucket} series found in {@code text}; {@code metric} excludes the suffix. */
    public static QuantileCurve parse(String text, String metric) {
        String prefix = metric + "_bucket";
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            if (!rest.startsWith("{")) {
                continue;
            }
            int close = rest.indexOf('}');
            double le = parseLe(rest.substring(1, close), line);
            String[] valueAndTime = rest.substring(close + 1).strip().split("\\s+");
            cumulative.merge(le, Double.parseDouble(valueAndTime[0]), Double::sum);
        }
        if (cumulative.isEmpty()) {
            throw new IllegalArgumentException("no " + prefix + " samples found");
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            throw new IllegalArgumentException(prefix + " has no observations");
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0.0, 0.0});
        double highestFinite = 0;
        for (var e : cumulative.entrySet()) {
            if (e.getKey().isInfinite()) {
                continue;
            }
            highestFinite = e.getKey();
            points.add(new double[] {e.getValue() / total, e.getKey() * 1e9});
        }
        if (points.get(points.size() - 1)[0] < 1.0) {
            points.add(new double[] {1.0, highestFinite * 1e9});
        }
        return QuantileCurve.fromPoints(points);
    }

    private static double parseLe(String labels, String line) {
        for (String pair : labels.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals("le")) {
                String v = pair.substring(eq + 1).strip().replace("\"", "");
                return v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
            }
        }
        throw new IllegalArgumentException("bucket without le label: " + line);
    }
}
