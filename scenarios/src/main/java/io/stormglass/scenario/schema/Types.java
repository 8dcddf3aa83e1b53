package io.stormglass.scenario.schema;

import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The value types of the schema. A value is written with its unit ({@code 20us}, {@code 64MiB},
 * {@code 500/s}) and read into the unit of the record field that holds it ({@code MICROS} reads
 * {@code 20us} into 20), rounded to that unit or refused where rounding would change the meaning
 * ({@code WHOLE_MILLIS}). Problems are worded by {@link MapReader}, so every message of a key is
 * the same whichever section it is in.
 */
public final class Types {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final double BITS_PER_MIB = 8.0 * 1048576;

    public static final ValueType<Boolean> BOOLEAN = ValueType.of("boolean", MapReader::bool, String::valueOf);
    public static final ValueType<String> TEXT = ValueType.of("text", MapReader::string, YamlWriter::quote);
    /** A disk's name ({@code wal-disk: vm}). */
    public static final ValueType<String> DISK_NAME = TEXT.describedAs("disk name");
    /** A text always printed in double quotes ({@code description}). */
    public static final ValueType<String> PROSE = ValueType.of("text", MapReader::string, s -> YamlWriter.doubleQuoted(s.strip()));
    public static final ValueType<String> FOLDER_NAME = ValueType.of("text (letters, digits, `.`, `_`, `-`)",
            MapReader::folderName, YamlWriter::quote);
    public static final ValueType<Long> SEED = ValueType.of("integer 0..2^63−1", MapReader::seed, String::valueOf);

    /** A duration in nanoseconds. */
    public static final ValueType<Long> DURATION = ValueType.of("duration", MapReader::durationNanos, Units::formatDuration);
    public static final ValueType<Long> POSITIVE_DURATION = ValueType.of("duration > 0", (r, key, dflt) -> {
        long v = r.durationNanos(key, dflt);
        if (v <= 0 && r.has(key)) {
            r.problem(key, "must be longer than 0s");
            return dflt;
        }
        return v;
    }, Units::formatDuration);
    /** A duration that may be negative ({@code -500ms}), in nanoseconds. */
    public static final ValueType<Long> SIGNED_DURATION = ValueType.of("duration, signed", MapReader::signedDurationNanos,
            Units::formatSignedDuration);
    /** An etcd flag in milliseconds: a positive duration, whole milliseconds (a fraction is a problem, the value kept). */
    public static final ValueType<Long> ETCD_MILLIS = ValueType.of("duration > 0, whole ms", (r, key, dflt) -> {
        long v = POSITIVE_DURATION.read(r, key, dflt);
        if (v % MS != 0) {
            r.problem(key, "must be a whole number of milliseconds (etcd's flag is in ms), got " + Units.formatDuration(v));
        }
        return v;
    }, Units::formatDuration);
    /** A duration in whole microseconds (rounded). */
    public static final ValueType<Long> MICROS = ValueType.of("duration",
            (r, key, dflt) -> Math.round(r.durationNanos(key, dflt * 1000) / 1000.0), v -> Units.formatDuration(v * 1000));
    /** A duration in milliseconds, as a fraction. */
    public static final ValueType<Double> MILLIS = ValueType.of("duration",
            (r, key, dflt) -> r.durationNanos(key, Math.round(dflt * MS)) / (double) MS, Types::ms);
    /** A duration in milliseconds that may be negative. */
    public static final ValueType<Double> SIGNED_MILLIS = ValueType.of("duration, signed",
            (r, key, dflt) -> r.signedDurationNanos(key, Math.round(dflt * MS)) / (double) MS,
            v -> Units.formatSignedDuration(Math.round(v * MS)));
    /** A duration in whole milliseconds, at least 1 ms; a fraction of a millisecond is a problem. */
    public static final ValueType<Long> WHOLE_MILLIS = atLeast(whole(MS, "milliseconds", "ms"), 1, "1ms");
    /** A duration in whole seconds; a fraction of a second is a problem. */
    public static final ValueType<Long> SECONDS = whole(S, "seconds", "s");
    /** A duration in seconds, as a fraction, longer than 0 ({@code rbd_qos_*_burst_seconds}). */
    public static final ValueType<Double> POSITIVE_SECONDS = ValueType.<Double>of("duration",
            (r, key, dflt) -> r.durationNanos(key, Math.round(dflt * S)) / (double) S, v -> Units.formatDuration(Math.round(v * 1e9)))
            .check(v -> v > 0, v -> "must be longer than 0s", "duration > 0");

    public static final ValueType<Long> SIZE = ValueType.of("size", MapReader::sizeBytes, Units::formatSize);
    public static final ValueType<Long> POSITIVE_SIZE = SIZE.check(v -> v > 0, v -> "must be larger than 0B", "size > 0");
    /** A size in whole KiB; a size that is not a whole number of KiB is a problem, not rounded away. */
    public static final ValueType<Long> KIB = wholeSize(10, "KiB");
    /** A size in whole MiB. */
    public static final ValueType<Long> MIB = wholeSize(20, "MiB");

    /** A rate per second. */
    public static final ValueType<Double> RATE = ValueType.of("rate", MapReader::ratePerSecond, v -> num(v) + "/s");
    /** A rate per second, rounded to a whole number. */
    public static final ValueType<Long> WHOLE_RATE = ValueType.of("rate",
            (r, key, dflt) -> Math.round(r.ratePerSecond(key, dflt)), v -> v + "/s");
    /** A bandwidth in bits per second. */
    public static final ValueType<Long> BANDWIDTH = ValueType.of("bandwidth", MapReader::bitsPerSecond, Types::bandwidth);
    /** A bandwidth in bytes per second. */
    public static final ValueType<Long> BYTES_PER_SECOND = ValueType.of("bandwidth",
            (r, key, dflt) -> r.bitsPerSecond(key, dflt * 8) / 8, v -> bandwidth(v * 8));
    /** A bandwidth in MiB/s, rounded to a whole MiB/s. */
    public static final ValueType<Long> MIB_PER_SECOND = ValueType.of("bandwidth",
            (r, key, dflt) -> Math.round(r.bitsPerSecond(key, Math.round(dflt * BITS_PER_MIB)) / BITS_PER_MIB), v -> v + "MiB/s");

    /** Parts per million, possibly negative. */
    public static final ValueType<Long> SIGNED_PPM = ValueType.of("ppm, signed", MapReader::ppm, v -> v + "ppm");
    /** A chance in parts per million, within 0 and 100 %. */
    public static final ValueType<Long> CHANCE = SIGNED_PPM.check(v -> v >= 0 && v <= 1_000_000,
            v -> "must be within 0ppm..100%, got " + v + "ppm", "ppm");
    /** A fraction within [0, 1]. */
    public static final ValueType<Double> FRACTION = ValueType.of("fraction", MapReader::fraction, Types::num);
    /** A fraction held as a whole percentage ({@code 30%} is 30). */
    public static final ValueType<Integer> PERCENT = ValueType.of("fraction",
            (r, key, dflt) -> (int) Math.round(r.fraction(key, dflt / 100.0) * 100), v -> v + "%");
    /** A member id (its bounds depend on the cluster's size: binders check them). */
    public static final ValueType<Integer> MEMBER_ID = ValueType.of("member id", (r, key, dflt) -> (int) r.integer(key, dflt, 1, 1000),
            String::valueOf);
    /** A UTC instant ({@code 2024-03-01T00:00:00Z}), held as seconds since the Unix epoch. */
    public static final ValueType<Long> INSTANT = ValueType.of("UTC time", Types::epochSeconds,
            v -> Instant.ofEpochSecond(v).toString());

    private Types() {
    }

    /** An integer within {@code [min, max]}. */
    public static ValueType<Long> longs(long min, long max) {
        return ValueType.of(range("integer", min, max, Long.MAX_VALUE), (r, key, dflt) -> r.integer(key, dflt, min, max),
                String::valueOf);
    }

    /** An integer within {@code [min, max]}, held as an int. */
    public static ValueType<Integer> ints(int min, int max) {
        return ValueType.of(range("integer", min, max, Integer.MAX_VALUE), (r, key, dflt) -> (int) r.integer(key, dflt, min, max),
                String::valueOf);
    }

    /** A number within {@code [min, max]}. */
    public static ValueType<Double> number(double min, double max) {
        return ValueType.of("number " + num(min) + ".." + num(max), (r, key, dflt) -> r.number(key, dflt, min, max), Types::num);
    }

    /** One of the words of {@code choices} (in this order in messages and docs), each standing for its value. */
    public static <T> ValueType<T> choice(Map<String, T> choices) {
        String words = choices.keySet().stream().map(w -> "`" + w + "`").collect(Collectors.joining(" \\| "));
        return ValueType.of(words, (r, key, dflt) -> r.choice(key, choices, dflt), v -> choices.entrySet().stream()
                .filter(e -> e.getValue().equals(v)).map(Map.Entry::getKey).findFirst().orElseThrow());
    }

    /** One of the words of {@code wordsAndValues} ({@code "fifo", Ordering.FIFO, ...}), in this order in messages and docs. */
    @SuppressWarnings("unchecked")
    public static <T> ValueType<T> choiceOf(Object... wordsAndValues) {
        Map<String, T> choices = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            choices.put((String) wordsAndValues[i], (T) wordsAndValues[i + 1]);
        }
        return choice(choices);
    }

    /** One of {@code words}. */
    public static ValueType<String> words(String... words) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String w : words) {
            choices.put(w, w);
        }
        return choice(choices);
    }

    /** {@code type} whose values must be at least {@code min}, written {@code minText} in the message. */
    public static ValueType<Long> atLeast(ValueType<Long> type, long min, String minText) {
        return type.check(v -> v >= min, v -> "must be at least " + minText, type.describe() + " ≥ " + minText);
    }

    /** A number in its shortest exact form (15 significant digits). */
    public static String num(double v) {
        return BigDecimal.valueOf(v).round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    /** Milliseconds as a duration. */
    public static String ms(double millis) {
        return Units.formatDuration(Math.round(millis * MS));
    }

    static String bandwidth(long bitsPerSecond) {
        return bitsPerSecond == 0 ? "0bit/s" : Units.formatBitsPerSecond(bitsPerSecond);
    }

    private static String range(String what, long min, long max, long unbounded) {
        return max == unbounded ? what + " ≥ " + min : what + " " + min + ".." + max;
    }

    /** A duration in whole units of {@code unitNanos}; a fraction is a problem (the value truncated). */
    private static ValueType<Long> whole(long unitNanos, String units, String symbol) {
        return ValueType.of("duration, whole " + symbol, (r, key, dflt) -> {
            long nanos = r.durationNanos(key, dflt * unitNanos);
            if (nanos % unitNanos != 0) {
                r.problem(key, "must be a whole number of " + units + (unitNanos == MS ? ", got " + nanos + "ns" : ""));
            }
            return nanos / unitNanos;
        }, v -> Units.formatDuration(v * unitNanos));
    }

    private static ValueType<Long> wholeSize(int shift, String unit) {
        return ValueType.of("size, whole " + unit, (r, key, dflt) -> {
            long bytes = r.sizeBytes(key, dflt << shift);
            if (bytes % (1L << shift) != 0) {
                r.problem(key, "must be a whole number of " + unit + ", got " + Units.formatSize(bytes));
                return dflt;
            }
            return bytes >> shift;
        }, v -> Units.formatSize(v << shift));
    }

    /** {@code 2024-03-01T00:00:00Z} as seconds since the epoch. */
    private static Long epochSeconds(MapReader r, String key, Long dflt) {
        String text = r.string(key, null);
        if (text == null) {
            return dflt;
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            r.problem(key, "expected a UTC time such as 2024-03-01T00:00:00Z, got " + Quote.of(text));
            return dflt;
        }
    }
}
