package io.stormglass.scenario.load;

import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.Empirical;
import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Pareto;
import io.stormglass.net.latency.Quantiles;
import io.stormglass.net.latency.TailMixture;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.net.latency.Uniform;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a one-way latency: a plain duration ({@code latency: 0.2ms}, always that long) or a
 * mapping naming a {@code distribution} with its parameters, all durations:
 * {@code constant {value}}, {@code uniform {min, max}}, {@code normal {mean, stddev, min, max}},
 * {@code lognormal {median, p99}}, {@code pareto {scale, shape, cap}}, {@code empirical {samples}},
 * {@code quantiles {points: {p0, ..., p100}}}; any of them may add {@code jitter} (uniform extra
 * delay) and a rare {@code tail: {probability, distribution, ...}}.
 */
final class LatencyBinder {
    static final Map<String, String> DISTRIBUTIONS = Fields.words("constant", "uniform", "normal", "lognormal", "pareto", "empirical", "quantiles");

    private LatencyBinder() {
    }

    /** The latency under {@code key} of {@code parent}, or {@code defaultLatency} if absent. */
    static LatencyDistribution bind(MapReader parent, String key, LatencyDistribution defaultLatency) {
        YamlNode node = parent.nodeOf(key);
        if (node == null || node instanceof YamlNode.YamlNull || node instanceof YamlNode.YamlScalar) {
            long nanos = parent.durationNanos(key, -1);
            return nanos < 0 ? defaultLatency : new Constant(nanos / 1e6);
        }
        Optional<MapReader> m = parent.optionalMap(key);
        if (m.isEmpty()) {
            return defaultLatency;
        }
        LatencyDistribution d = mapping(m.get(), true);
        m.get().finish();
        return d == null ? defaultLatency : d;
    }

    private static LatencyDistribution mapping(MapReader m, boolean allowTail) {
        String kind = Fields.kind(m, "distribution", DISTRIBUTIONS);
        if (kind == null) {
            return null;
        }
        LatencyDistribution base = Fields.build(m, "distribution", () -> switch (kind) {
            case "constant" -> new Constant(required(m, "value"));
            case "uniform" -> new Uniform(required(m, "min"), atLeast(m, "max", required(m, "max"), "min", ms(m, "min")));
            case "normal" -> new TruncatedNormal(required(m, "mean"), required(m, "stddev"), ms(m, "min"),
                    m.has("max") ? atLeast(m, "max", ms(m, "max"), "min", ms(m, "min")) : 0);
            case "lognormal" -> new LogNormal(positive(m, "median"), atLeast(m, "p99", required(m, "p99"), "median", ms(m, "median")));
            case "pareto" -> new Pareto(positive(m, "scale"), shape(m),
                    m.has("cap") ? atLeast(m, "cap", ms(m, "cap"), "scale", ms(m, "scale")) : 0);
            case "empirical" -> new Empirical(samples(m));
            default -> quantiles(m);
        }, null);
        double jitter = ms(m, "jitter");
        if (base != null && jitter > 0) {
            base = base.withJitter(jitter);
        }
        if (!allowTail) {
            return base;
        }
        Optional<MapReader> tail = m.optionalMap("tail");
        if (tail.isPresent() && base != null) {
            MapReader t = tail.get();
            long written = t.require("probability", "how often the tail is drawn, such as 100ppm or 0.01%") ? t.ppm("probability", 0) : -1;
            if (written < -1 || written > 1_000_000) {
                t.problem("probability", "must be within 0% and 100%");
            }
            long ppm = written < -1 || written > 1_000_000 ? -1 : written;
            LatencyDistribution tailDistribution = mapping(t, false);
            t.finish();
            LatencyDistribution body = base;
            if (tailDistribution != null && ppm >= 0) {
                return Fields.build(t, "probability", () -> new TailMixture(body, tailDistribution, ppm), base);
            }
        }
        return base;
    }

    private static double required(MapReader m, String key) {
        if (!m.require(key, "a duration such as 0.5ms")) {
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return ms(m, key);
    }

    /**
     * {@code key}'s value in ms, which must not be below {@code lowKey}'s: checked here so that the
     * message names the keys the user wrote, not the distribution's fields.
     */
    private static double atLeast(MapReader m, String key, double valueMs, String lowKey, double lowMs) {
        if (valueMs < lowMs) {
            m.problem(key, "must not be below " + lowKey + " (" + Units.formatDuration(Math.round(lowMs * 1e6)) + ")");
            m.acceptRest(); // the keys not read yet are not unknown, only unread
            throw new IllegalArgumentException(null, null);
        }
        return valueMs;
    }

    /** A required duration longer than 0s, in ms. */
    private static double positive(MapReader m, String key) {
        double v = required(m, key);
        if (!(v > 0)) {
            m.problem(key, "must be longer than 0s");
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return v;
    }

    /** A Pareto shape above 0; an unreadable one stops the distribution from being built (its problem is recorded). */
    private static double shape(MapReader m) {
        int before = m.problems().count();
        double shape = m.require("shape", "a number above 0, such as 1.5") ? m.number("shape", 0, 0, 1000) : 0;
        if (m.problems().count() > before) {
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        if (!(shape > 0)) {
            m.problem("shape", "must be above 0");
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return shape;
    }

    private static double ms(MapReader m, String key) {
        return m.durationNanos(key, 0) / 1e6;
    }

    private static double[] samples(MapReader m) {
        int before = m.problems().count();
        List<YamlNode> items = m.list("samples");
        if (items.isEmpty()) {
            if (m.problems().count() == before && m.has("samples")) {
                m.problem("samples", "expected at least one measured latency, such as [0.2ms, 0.3ms]");
            } else if (m.problems().count() == before) {
                m.problemHere("samples", "required: a list of measured latencies such as [0.2ms, 0.3ms]");
            }
            throw new IllegalArgumentException(null, null);
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
                m.problems().add(item.location(), m.keyPath("samples") + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private static Quantiles quantiles(MapReader m) {
        Optional<MapReader> points = m.optionalMap("points");
        if (points.isEmpty()) {
            m.problemHere("points", "required: quantiles such as {p0: 0.1ms, p50: 0.2ms, p100: 2ms}");
            throw new IllegalArgumentException(null, null);
        }
        MapReader p = points.get();
        List<double[]> read = new ArrayList<>();
        for (String k : p.keys()) {
            Double probability = EmpiricalSources.probability(k);
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
            m.problem("points", "expected p0 (or min) and p100 (or max) and any quantiles between, such as {p0: 0.1ms, p50: 0.2ms, p100: 2ms}");
            throw new IllegalArgumentException(null, null);
        }
        for (int i = 1; i < read.size(); i++) {
            if (read.get(i)[0] == read.get(i - 1)[0] || read.get(i)[1] < read.get(i - 1)[1]) {
                m.problem("points", "quantiles must not fall as the probability rises, and each is given once: "
                        + EmpiricalSources.quantileKey(read.get(i)[0]) + " is below or repeats " + EmpiricalSources.quantileKey(read.get(i - 1)[0]));
                throw new IllegalArgumentException(null, null);
            }
        }
        return new Quantiles(read.stream().mapToDouble(x -> x[0]).toArray(), read.stream().mapToDouble(x -> x[1]).toArray());
    }
}
