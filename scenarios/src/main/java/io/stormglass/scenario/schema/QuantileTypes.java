package io.stormglass.scenario.schema;

import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.net.latency.Quantiles;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Value types for measured latencies: quantile points ({@code {p0: 1ms, p50: 2ms, p100: 9ms}},
 * {@code min} and {@code max} standing for p0 and p100) and lists of samples. Each prints as a
 * scenario writes it and reads back to the same value.
 */
public final class QuantileTypes {
    /**
     * A disk's latency curve: a plain duration (always that long) or quantiles, in nanoseconds;
     * printed as quantiles. Null after recording a problem.
     */
    public static final ValueType<QuantileCurve> CURVE = ValueType.of("duration, or quantiles `{p0: …, p50: …, p100: …}`",
            QuantileTypes::curve, QuantileTypes::formatCurve).printedBy((w, key, c) -> {
                w.open(key);
                for (int i = 0; i < c.probabilities().length; i++) {
                    w.value(quantileKey(c.probabilities()[i]), Units.formatDuration(c.nanos()[i]));
                }
                w.close();
            });

    /** A network latency's quantile points, in milliseconds ({@code p0} and {@code p100} required). Null after a problem. */
    public static final ValueType<Quantiles> POINTS = ValueType.<Quantiles>of("quantiles `{p0: …, p50: …, p100: …}`",
            (r, key, dflt) -> points(r, key), q -> "{" + points(q.probabilities(), i -> Types.ms(q.valuesMs()[i])) + "}")
            .printedBy((w, key, q) -> {
                w.open(key);
                for (int i = 0; i < q.probabilities().length; i++) {
                    w.value(quantileKey(q.probabilities()[i]), Types.ms(q.valuesMs()[i]));
                }
                w.close();
            });

    /** Measured latencies, in milliseconds ({@code [0.2ms, 0.3ms]}); null if the list is missing or empty. */
    public static final ValueType<double[]> SAMPLES = ValueType.of("list of durations", QuantileTypes::samples, s -> {
        StringBuilder list = new StringBuilder("[");
        for (double v : s) {
            list.append(list.length() > 1 ? ", " : "").append(Types.ms(v));
        }
        return list.append(']').toString();
    });

    private QuantileTypes() {
    }

    /** {@code p99.9} → 0.999; {@code min} → 0; {@code max} → 1; null if not a quantile key. */
    public static Double probability(String key) {
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
    public static String quantileKey(double probability) {
        return "p" + BigDecimal.valueOf(probability).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** A constant curve as a scenario writes it (a duration), else its quantiles in flow style. */
    private static String formatCurve(QuantileCurve c) {
        if (c.probabilities().length == 1 && c.probabilities()[0] == 0) {
            return Units.formatDuration(c.nanos()[0]);
        }
        return "{" + points(c.probabilities(), i -> Units.formatDuration(c.nanos()[i])) + "}";
    }

    private static String points(double[] probabilities, java.util.function.IntFunction<String> value) {
        return java.util.stream.IntStream.range(0, probabilities.length)
                .mapToObj(i -> quantileKey(probabilities[i]) + ": " + value.apply(i)).collect(Collectors.joining(", "));
    }

    private static QuantileCurve curve(MapReader m, String key, QuantileCurve defaultCurve) {
        Optional<MapReader> points = m.nodeOf(key) instanceof YamlNode.YamlMap ? m.optionalMap(key) : Optional.empty();
        if (points.isEmpty()) {
            long nanos = m.durationNanos(key, -1);
            return nanos < 0 ? defaultCurve : QuantileCurve.constant(nanos);
        }
        MapReader q = points.get();
        TreeMap<Double, String> keyOf = new TreeMap<>();
        TreeMap<Double, Long> nanosOf = new TreeMap<>();
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
        try {
            return new QuantileCurve(nanosOf.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    nanosOf.values().stream().mapToLong(Long::longValue).toArray());
        } catch (IllegalArgumentException e) {
            m.problem(key, e.getMessage());
            return null;
        }
    }

    private static Quantiles points(MapReader m, String key) {
        Optional<MapReader> points = m.optionalMap(key);
        if (points.isEmpty()) {
            m.problemHere(key, "required: quantiles such as {p0: 0.1ms, p50: 0.2ms, p100: 2ms}");
            return null;
        }
        MapReader p = points.get();
        List<double[]> read = new ArrayList<>();
        for (String k : p.keys()) {
            Double probability = probability(k);
            if (probability == null) {
                p.problem(k, "expected a quantile key such as p50, p99.9, min or max");
                p.has(k);
            } else {
                read.add(new double[] {probability, p.durationNanos(k, 0) / 1e6});
            }
        }
        p.finish();
        read.sort((a, b) -> Double.compare(a[0], b[0]));
        if (read.size() < 2 || read.get(0)[0] != 0 || read.get(read.size() - 1)[0] != 1) {
            m.problem(key, "expected p0 (or min) and p100 (or max) and any quantiles between, such as {p0: 0.1ms, p50: 0.2ms, p100: 2ms}");
            return null;
        }
        for (int i = 1; i < read.size(); i++) {
            if (read.get(i)[0] == read.get(i - 1)[0] || read.get(i)[1] < read.get(i - 1)[1]) {
                m.problem(key, "quantiles must not fall as the probability rises, and each is given once: "
                        + quantileKey(read.get(i)[0]) + " is below or repeats " + quantileKey(read.get(i - 1)[0]));
                return null;
            }
        }
        return new Quantiles(read.stream().mapToDouble(x -> x[0]).toArray(), read.stream().mapToDouble(x -> x[1]).toArray());
    }

    private static double[] samples(MapReader m, String key, double[] dflt) {
        int before = m.problems().count();
        List<YamlNode> items = m.list(key);
        if (items.isEmpty()) {
            if (m.problems().count() == before && m.has(key)) {
                m.problem(key, "expected at least one measured latency, such as [0.2ms, 0.3ms]");
            } else if (m.problems().count() == before) {
                m.problemHere(key, "required: a list of measured latencies such as [0.2ms, 0.3ms]");
            }
            return dflt;
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            try {
                if (!(item instanceof YamlNode.YamlScalar s)) {
                    throw new UnitException("expected a duration, got " + item.describe());
                }
                out[i] = Units.durationNanos(s.text()) / 1e6;
            } catch (UnitException e) {
                m.problems().add(item.location(), m.keyPath(key) + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }
}
