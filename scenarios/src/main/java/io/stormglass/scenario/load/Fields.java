package io.stormglass.scenario.load;

import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a quantity written with its unit into the unit of a model's option field ({@code 20us}
 * into {@code writeLatencyMicros}), and guards record constructors, whose own checks become
 * located problems instead of exceptions.
 */
final class Fields {
    private static final double NANOS_PER_MS = 1e6;
    private static final long NANOS_PER_S = 1_000_000_000L;
    private static final double BITS_PER_MIB = 8.0 * 1048576;

    private Fields() {
    }

    /** A duration in whole microseconds (rounded). */
    static long micros(MapReader r, String key, long defaultMicros) {
        return Math.round(r.durationNanos(key, defaultMicros * 1000) / 1000.0);
    }

    /** A duration in milliseconds. */
    static double millis(MapReader r, String key, double defaultMs) {
        return r.durationNanos(key, Math.round(defaultMs * NANOS_PER_MS)) / NANOS_PER_MS;
    }

    /** A duration in whole milliseconds; a fraction of a millisecond is a problem. */
    static long wholeMillis(MapReader r, String key, long defaultMs) {
        long nanos = r.durationNanos(key, defaultMs * 1_000_000);
        if (nanos % 1_000_000 != 0) {
            r.problem(key, "must be a whole number of milliseconds, got " + nanos + "ns");
        }
        return nanos / 1_000_000;
    }

    /** A duration in whole seconds; a fraction of a second is a problem. */
    static long seconds(MapReader r, String key, long defaultSeconds) {
        long nanos = r.durationNanos(key, defaultSeconds * NANOS_PER_S);
        if (nanos % NANOS_PER_S != 0) {
            r.problem(key, "must be a whole number of seconds");
        }
        return nanos / NANOS_PER_S;
    }

    /** A duration in seconds, as a fraction ({@code rbd_qos_*_burst_seconds}). */
    static double fractionalSeconds(MapReader r, String key, double defaultSeconds) {
        return r.durationNanos(key, Math.round(defaultSeconds * NANOS_PER_S)) / (double) NANOS_PER_S;
    }

    /** A bandwidth in MiB/s, rounded to a whole MiB/s. */
    static long mibPerSecond(MapReader r, String key, long defaultMiBps) {
        return Math.round(r.bitsPerSecond(key, Math.round(defaultMiBps * BITS_PER_MIB)) / BITS_PER_MIB);
    }

    /** A size in whole KiB; a size that is not a whole number of KiB is a problem, not rounded away. */
    static long kib(MapReader r, String key, long defaultKiB) {
        return whole(r, key, 10, "KiB", defaultKiB);
    }

    /** A size in whole MiB; a size that is not a whole number of MiB is a problem, not rounded away. */
    static long mib(MapReader r, String key, long defaultMiB) {
        return whole(r, key, 20, "MiB", defaultMiB);
    }

    private static long whole(MapReader r, String key, int shift, String unit, long defaultUnits) {
        long bytes = r.sizeBytes(key, defaultUnits << shift);
        if (bytes % (1L << shift) != 0) {
            r.problem(key, "must be a whole number of " + unit + ", got " + Units.formatSize(bytes));
            return defaultUnits;
        }
        return bytes >> shift;
    }

    /**
     * {@code value} read from {@code key}, if it is at least {@code min}; otherwise a problem
     * ({@code must be at least 1MiB/s}) and {@code defaultValue}, rather than a silent clamp.
     */
    static long atLeast(MapReader r, String key, long value, long min, String minText, long defaultValue) {
        if (value < min) {
            r.problem(key, "must be at least " + minText);
            return defaultValue;
        }
        return value;
    }

    /** A positive duration in nanoseconds. */
    static long positiveNanos(MapReader r, String key, long defaultNanos) {
        long v = r.durationNanos(key, defaultNanos);
        if (v <= 0 && r.has(key)) {
            r.problem(key, "must be longer than 0s");
            return defaultNanos;
        }
        return v;
    }

    /** A whole rate per second. */
    static long wholeRate(MapReader r, String key, long defaultPerSecond) {
        return Math.round(r.ratePerSecond(key, defaultPerSecond));
    }

    /**
     * The word under {@code key} that decides what the other keys of the mapping mean (a disk's
     * {@code model}, a neighbour's {@code kind}); null if it is missing or not one of
     * {@code choices}, after recording the problem and accepting the other keys, which cannot be
     * judged without it.
     */
    static String kind(MapReader m, String key, Map<String, String> choices) {
        String kind = m.require(key, "one of " + String.join(", ", choices.keySet())) ? m.choice(key, choices, null) : null;
        if (kind == null) {
            m.acceptRest();
        }
        return kind;
    }

    /** A size larger than 0B. */
    static long positiveSize(MapReader m, String key, long defaultBytes) {
        long v = m.sizeBytes(key, defaultBytes);
        if (v <= 0) {
            m.problem(key, "must be larger than 0B");
            return defaultBytes;
        }
        return v;
    }

    /** Allowed words of a choice, each standing for itself, listed in this order in messages. */
    static Map<String, String> words(String... words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            out.put(w, w);
        }
        return out;
    }

    /** Allowed words and their values ({@code "fifo", Ordering.FIFO, ...}), listed in this order in messages. */
    @SuppressWarnings("unchecked")
    static <T> Map<String, T> choices(Object... wordsAndValues) {
        Map<String, T> out = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            out.put((String) wordsAndValues[i], (T) wordsAndValues[i + 1]);
        }
        return out;
    }

    /**
     * Builds a record; if its constructor refuses the values, records the refusal as a problem at
     * {@code key} of {@code r} and returns {@code fallback}.
     */
    static <T> T build(MapReader r, String key, Supplier<T> constructor, T fallback) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null) { // null: the reason was recorded already
                r.problem(key, e.getMessage());
            }
            return fallback;
        }
    }
}
