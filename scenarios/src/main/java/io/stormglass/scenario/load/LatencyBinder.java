package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.NetworkSchema.*;

import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.Empirical;
import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Pareto;
import io.stormglass.net.latency.TailMixture;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.net.latency.Uniform;
import io.stormglass.scenario.schema.Key;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
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
        String kind = Fields.kind(m, DISTRIBUTION.name(), DISTRIBUTION.words());
        if (kind == null) {
            return null;
        }
        LatencyDistribution base = Fields.build(m, DISTRIBUTION.name(), () -> switch (kind) {
            case "constant" -> new Constant(required(m, VALUE));
            case "uniform" -> new Uniform(required(m, UNIFORM_MIN), atLeast(m, UNIFORM_MAX, required(m, UNIFORM_MAX), UNIFORM_MIN));
            case "normal" -> new TruncatedNormal(required(m, MEAN), required(m, STDDEV), NORMAL_MIN.read(m),
                    NORMAL_MAX.in(m) ? atLeast(m, NORMAL_MAX, NORMAL_MAX.read(m), NORMAL_MIN) : 0);
            case "lognormal" -> new LogNormal(positive(m, MEDIAN), atLeast(m, P99, required(m, P99), MEDIAN));
            case "pareto" -> new Pareto(positive(m, SCALE), shape(m), CAP.in(m) ? atLeast(m, CAP, CAP.read(m), SCALE) : 0);
            case "empirical" -> new Empirical(orStop(SAMPLES.read(m, null)));
            default -> orStop(POINTS.read(m, null));
        }, null);
        double jitter = JITTER.read(m);
        if (base != null && jitter > 0) {
            base = base.withJitter(jitter);
        }
        Optional<MapReader> tail = allowTail ? m.optionalMap("tail") : Optional.empty();
        if (tail.isPresent() && base != null) {
            MapReader t = tail.get();
            long written = PROBABILITY.present(t) ? PROBABILITY.read(t, 0L) : -1;
            if (written < -1 || written > 1_000_000) {
                PROBABILITY.problem(t, "must be within 0% and 100%");
            }
            long ppm = written < -1 || written > 1_000_000 ? -1 : written;
            LatencyDistribution tailDistribution = mapping(t, false);
            t.finish();
            LatencyDistribution body = base;
            if (tailDistribution != null && ppm >= 0) {
                return Fields.build(t, PROBABILITY.name(), () -> new TailMixture(body, tailDistribution, ppm), base);
            }
        }
        return base;
    }

    /** A required duration, in ms; its absence stops the distribution from being built. */
    private static double required(MapReader m, Key<?, Double> key) {
        if (!key.present(m)) {
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return key.read(m, 0.0);
    }

    /**
     * {@code key}'s value in ms, which must not be below {@code low}'s: checked here so that the
     * message names the keys the user wrote, not the distribution's fields.
     */
    private static double atLeast(MapReader m, Key<?, Double> key, double valueMs, Key<?, Double> low) {
        double lowMs = low.read(m, 0.0);
        if (valueMs < lowMs) {
            key.problem(m, "must not be below " + low.name() + " (" + Units.formatDuration(Math.round(lowMs * 1e6)) + ")");
            m.acceptRest(); // the keys not read yet are not unknown, only unread
            throw new IllegalArgumentException(null, null);
        }
        return valueMs;
    }

    /** A required duration longer than 0s, in ms. */
    private static double positive(MapReader m, Key<?, Double> key) {
        double v = required(m, key);
        if (!(v > 0)) {
            key.problem(m, "must be longer than 0s");
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return v;
    }

    /** A Pareto shape above 0; an unreadable one stops the distribution from being built (its problem is recorded). */
    private static double shape(MapReader m) {
        int before = m.problems().count();
        double shape = SHAPE.require(m, 0.0);
        if (m.problems().count() > before) {
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        if (!(shape > 0)) {
            SHAPE.problem(m, "must be above 0");
            m.acceptRest();
            throw new IllegalArgumentException(null, null);
        }
        return shape;
    }

    /** {@code value}, or — if it is null, its problem recorded — a stop to building the distribution. */
    private static <T> T orStop(T value) {
        if (value == null) {
            throw new IllegalArgumentException(null, null);
        }
        return value;
    }
}
