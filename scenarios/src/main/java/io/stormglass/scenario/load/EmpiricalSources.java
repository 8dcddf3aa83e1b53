package io.stormglass.scenario.load;

import io.stormglass.engine.metrics.Metric;
import io.stormglass.disk.InputFormatException;
import io.stormglass.disk.fit.FioJsonFit;
import io.stormglass.disk.fit.PrometheusHistogramFit;
import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code model: empirical}: service times measured elsewhere, from exactly one source —
 * {@code fio: run.json} (fio's JSON report of an fdatasync job), {@code prometheus: metrics.txt}
 * (a scrape holding the {@code metric} histogram, by default {@code etcd_disk_wal_fsync_duration_seconds})
 * or inline quantiles ({@code flush-latency: {p50: 2ms, p99: 8ms, p100: 30ms}}). Files are named
 * relative to the scenario file that names them.
 */
final class EmpiricalSources {
    static final String DEFAULT_METRIC = Metric.WAL_FSYNC_DURATION.exportedName();
    private static final long DEFAULT_OTHER_LATENCY_MICROS = 50;

    private EmpiricalSources() {
    }

    static EmpiricalSources create() {
        return new EmpiricalSources();
    }

    EmpiricalDisk.Options bind(MapReader m) {
        int channels = (int) m.integer("channels", 1, 1, 4096);
        boolean fio = m.has("fio");
        boolean prometheus = m.has("prometheus");
        boolean inline = m.has("flush-latency");
        int sources = (fio ? 1 : 0) + (prometheus ? 1 : 0) + (inline ? 1 : 0);
        if (sources != 1) {
            m.problems().add(m.location(), m.path(), "an empirical disk needs exactly one of fio:, prometheus: or "
                    + "flush-latency:, got " + sources);
            return null;
        }
        if (fio) {
            return NamedFiles.read(m, "fio", InputKind.DATA).map(file -> {
                try {
                    FioJsonFit.Fit fit = FioJsonFit.parse(file.text());
                    if (fit.sync() == null) {
                        m.problem("fio", "the fio job has no sync latencies; run fio with --fdatasync=1");
                        return null;
                    }
                    return new EmpiricalDisk.Options(fit.write(), fit.sync(), fit.write(), channels);
                } catch (InputFormatException e) {
                    NamedFiles.report(m, "fio", file.shown(), e);
                    return null;
                }
            }).orElse(null);
        }
        if (prometheus) {
            String metric = m.string("metric", DEFAULT_METRIC);
            long otherMicros = Fields.micros(m, "other-latency", DEFAULT_OTHER_LATENCY_MICROS);
            return NamedFiles.read(m, "prometheus", InputKind.DATA).map(file -> {
                try {
                    return EmpiricalDisk.Options.fromFsyncCurve(PrometheusHistogramFit.parse(file.text(), metric), otherMicros);
                } catch (InputFormatException e) {
                    NamedFiles.report(m, "prometheus", file.shown(), e);
                    return null;
                }
            }).orElse(null);
        }
        QuantileCurve flush = curve(m, "flush-latency", null);
        QuantileCurve other = QuantileCurve.constant(DEFAULT_OTHER_LATENCY_MICROS * 1000);
        QuantileCurve write = curve(m, "write-latency", other);
        QuantileCurve read = curve(m, "read-latency", other);
        return flush == null || write == null || read == null ? null : new EmpiricalDisk.Options(write, flush, read, channels);
    }

    /**
     * A latency curve: a plain duration (always that long) or quantiles {@code {p0: .., p50: ..,
     * p100: ..}} ({@code min} and {@code max} stand for p0 and p100).
     */
    static QuantileCurve curve(MapReader m, String key, QuantileCurve defaultCurve) {
        Optional<MapReader> points = m.nodeOf(key) instanceof YamlNode.YamlMap ? m.optionalMap(key) : Optional.empty();
        if (points.isEmpty()) {
            long nanos = m.durationNanos(key, -1);
            return nanos < 0 ? defaultCurve : QuantileCurve.constant(nanos);
        }
        MapReader q = points.get();
        java.util.TreeMap<Double, String> keyOf = new java.util.TreeMap<>();
        java.util.TreeMap<Double, Long> nanosOf = new java.util.TreeMap<>();
        for (String k : q.keys()) {
            Double p = probability(k);
            long nanos = q.durationNanos(k, -1);
            if (p == null) {
                q.problem(k, "expected a quantile key such as p50, p99.9, min or max");
            } else if (keyOf.containsKey(p)) {
                q.problem(k, "names the same quantile as " + keyOf.get(p));
            } else if (nanos >= 0) {
                keyOf.put(p, k);
                nanosOf.put(p, nanos);
            }
        }
        q.finish();
        if (nanosOf.isEmpty()) {
            m.problem(key, "expected at least one quantile such as p50: 2ms");
            return null;
        }
        // a higher quantile is never faster: the curve maps probabilities to latencies monotonically
        Map.Entry<Double, Long> previous = null;
        for (Map.Entry<Double, Long> e : nanosOf.entrySet()) {
            if (previous != null && e.getValue() < previous.getValue()) {
                q.problem(keyOf.get(e.getKey()), "must not be below " + keyOf.get(previous.getKey()) + " ("
                        + Units.formatDuration(previous.getValue()) + "): a higher quantile is never faster");
                return null;
            }
            previous = e;
        }
        double[] ps = nanosOf.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] ns = nanosOf.values().stream().mapToLong(Long::longValue).toArray();
        return Fields.build(m, key, () -> new QuantileCurve(ps, ns), null);
    }

    /** {@code p99.9} → 0.999; {@code min} → 0; {@code max} → 1; null if not a quantile key. */
    static Double probability(String key) {
        if (key.equals("min")) {
            return 0.0;
        }
        if (key.equals("max")) {
            return 1.0;
        }
        if (!key.matches("p[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        BigDecimal percent = new BigDecimal(key.substring(1));
        return percent.compareTo(BigDecimal.valueOf(100)) > 0 ? null : percent.movePointLeft(2).doubleValue();
    }

    /** The key a probability is written under ({@code 0.999} → {@code p99.9}). */
    static String quantileKey(double probability) {
        return "p" + BigDecimal.valueOf(probability).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
