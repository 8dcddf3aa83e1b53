package io.stormglass.scenario.load;

import io.stormglass.disk.fit.FioJsonFit;
import io.stormglass.disk.fit.PrometheusHistogramFit;
import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code model: empirical}: service times measured elsewhere, from exactly one source —
 * {@code fio: run.json} (fio's JSON report of an fdatasync job), {@code prometheus: metrics.txt}
 * (a scrape holding the {@code metric} histogram, by default {@code etcd_disk_wal_fsync_duration_seconds})
 * or inline quantiles ({@code flush-latency: {p50: 2ms, p99: 8ms, p100: 30ms}}). Files are named
 * relative to the scenario file that names them.
 */
final class EmpiricalSources {
    static final String DEFAULT_METRIC = "etcd_disk_wal_fsync_duration_seconds";
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
            return readFile(m, "fio").map(text -> {
                try {
                    FioJsonFit.Fit fit = FioJsonFit.parse(text);
                    if (fit.sync() == null) {
                        m.problem("fio", "the fio job has no sync latencies; run fio with --fdatasync=1");
                        return null;
                    }
                    return new EmpiricalDisk.Options(fit.write(), fit.sync(), fit.write(), channels);
                } catch (IllegalArgumentException e) {
                    m.problem("fio", e.getMessage());
                    return null;
                }
            }).orElse(null);
        }
        if (prometheus) {
            String metric = m.string("metric", DEFAULT_METRIC);
            long otherMicros = Fields.micros(m, "other-latency", DEFAULT_OTHER_LATENCY_MICROS);
            return readFile(m, "prometheus").map(text -> {
                try {
                    return EmpiricalDisk.Options.fromFsyncCurve(PrometheusHistogramFit.parse(text, metric), otherMicros);
                } catch (IllegalArgumentException e) {
                    m.problem("prometheus", e.getMessage());
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

    private static Optional<String> readFile(MapReader m, String key) {
        String name = m.string(key, "");
        Path path = Path.of(m.locationOf(key).file()).resolveSibling(name);
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            m.problem(key, "no such file: " + path);
        } catch (IOException | UncheckedIOException e) {
            m.problem(key, "cannot read " + path + ": " + e.getMessage());
        }
        return Optional.empty();
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
        List<double[]> read = new ArrayList<>();
        for (String k : q.keys()) {
            Double p = probability(k);
            long nanos = q.durationNanos(k, -1);
            if (p == null) {
                q.problem(k, "expected a quantile key such as p50, p99.9, min or max");
            } else if (nanos >= 0) {
                read.add(new double[] {p, nanos});
            }
        }
        read.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] ps = new double[read.size()];
        long[] ns = new long[read.size()];
        for (int i = 0; i < read.size(); i++) {
            ps[i] = read.get(i)[0];
            ns[i] = (long) read.get(i)[1];
        }
        q.finish();
        if (read.isEmpty()) {
            m.problem(key, "expected at least one quantile such as p50: 2ms");
            return null;
        }
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
