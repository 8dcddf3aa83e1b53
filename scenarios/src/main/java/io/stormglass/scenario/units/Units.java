package io.stormglass.scenario.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses quantities written with their units, as scenarios spell them: durations
 * ({@code 100ms}, {@code 2h}, {@code 1.5s}), sizes ({@code 64MiB}, {@code 8KiB}, {@code 2300B}),
 * rates ({@code 1000/s}, {@code 30/min}) and bandwidths ({@code 1Gbit/s}, {@code 125MiB/s}).
 * A bare number is never accepted: a unit is part of the value.
 *
 * <p>Every method throws {@link UnitException} with a message saying what was expected.
 */
public final class Units {
    /** A number (its exponent at most three digits, so that it cannot overflow) and a unit. */
    private static final Pattern QUANTITY = Pattern.compile("\\s*([+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3})?)\\s*([A-Za-z/µ]+(?:/[A-Za-z]+)?)\\s*");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");

    private static final Pattern DURATION_PART = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|min|m|h|d)");
    private static final Pattern COMPOUND_DURATION = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|min|m|h|d)){2,}");
    private static final Pattern DURATION_WORD = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)\\s*(hours?|hrs?|days?|minutes?|mins|seconds?|secs?|millis|milliseconds?|msecs?)",
            Pattern.CASE_INSENSITIVE);
    /**
     * The longest duration accepted anywhere (400 days): longer than any experiment, short enough
     * that sums of durations (warm-up + settle + step, start + offset) never overflow nanoseconds.
     */
    public static final long MAX_DURATION_NANOS = 400L * 86_400_000_000_000L;
    /** How {@link #MAX_DURATION_NANOS} is written in messages. */
    public static final String MAX_DURATION_TEXT = "400d";
    /** The largest parts-per-million value accepted (a clock 1000 times too fast), so that no ppm value overflows. */
    static final long MAX_PPM = 1_000_000_000L;
    /** The highest rate accepted anywhere: ten million per second, beyond any etcd or disk. */
    public static final double MAX_RATE_PER_SECOND = 10_000_000;
    private static final Map<String, Long> DURATION_NANOS = new TreeMap<>();
    private static final Map<String, Long> SIZE_BYTES = new TreeMap<>();
    private static final Map<String, Long> PER_SECOND = new TreeMap<>();
    private static final Map<String, Long> BITS_PER_SECOND = new TreeMap<>();

    static {
        DURATION_NANOS.put("ns", 1L);
        DURATION_NANOS.put("us", 1_000L);
        DURATION_NANOS.put("µs", 1_000L);
        DURATION_NANOS.put("ms", 1_000_000L);
        DURATION_NANOS.put("s", 1_000_000_000L);
        DURATION_NANOS.put("m", 60_000_000_000L);
        DURATION_NANOS.put("min", 60_000_000_000L);
        DURATION_NANOS.put("h", 3_600_000_000_000L);
        DURATION_NANOS.put("d", 86_400_000_000_000L);

        SIZE_BYTES.put("B", 1L);
        SIZE_BYTES.put("KB", 1_000L);
        SIZE_BYTES.put("MB", 1_000_000L);
        SIZE_BYTES.put("GB", 1_000_000_000L);
        SIZE_BYTES.put("TB", 1_000_000_000_000L);
        SIZE_BYTES.put("KiB", 1L << 10);
        SIZE_BYTES.put("MiB", 1L << 20);
        SIZE_BYTES.put("GiB", 1L << 30);
        SIZE_BYTES.put("TiB", 1L << 40);

        PER_SECOND.put("/s", 1L);
        PER_SECOND.put("/min", 60L);
        PER_SECOND.put("/h", 3_600L);

        BITS_PER_SECOND.put("bit/s", 1L);
        BITS_PER_SECOND.put("Kbit/s", 1_000L);
        BITS_PER_SECOND.put("Mbit/s", 1_000_000L);
        BITS_PER_SECOND.put("Gbit/s", 1_000_000_000L);
        BITS_PER_SECOND.put("B/s", 8L);
        BITS_PER_SECOND.put("KB/s", 8_000L);
        BITS_PER_SECOND.put("MB/s", 8_000_000L);
        BITS_PER_SECOND.put("GB/s", 8_000_000_000L);
        BITS_PER_SECOND.put("KiB/s", 8L << 10);
        BITS_PER_SECOND.put("MiB/s", 8L << 20);
        BITS_PER_SECOND.put("GiB/s", 8L << 30);
    }

    private Units() {
    }

    /**
     * A non-negative duration in nanoseconds, such as {@code 100ms} or {@code 2h}, or a sequence of
     * them as Go's {@code time.ParseDuration} reads it ({@code 1h30m}, {@code 2m15s}).
     */
    public static long durationNanos(String text) {
        return atMostMaxDuration(unboundedDurationNanos(text), text);
    }

    private static long unboundedDurationNanos(String text) {
        String expected = "a duration such as 100ms, 1.5s, 2h or 1h30m (units: ns, us, ms, s, m, h, d)";
        if (text != null && COMPOUND_DURATION.matcher(text.trim()).matches()) {
            Matcher part = DURATION_PART.matcher(text.trim());
            long total = 0;
            while (part.find()) {
                total = Math.addExact(total, atMostMaxDuration(parse(part.group(), DURATION_NANOS, expected), text));
            }
            return total;
        }
        try {
            return parse(text, DURATION_NANOS, expected);
        } catch (UnitException e) {
            throw withWordSuggestion(e, text);
        }
    }

    private static long atMostMaxDuration(long nanos, String text) {
        if (nanos > MAX_DURATION_NANOS) {
            throw new UnitException(tooLong(text));
        }
        return nanos;
    }

    private static String tooLong(String text) {
        return "must be at most " + MAX_DURATION_TEXT + " (the longest duration Stormglass accepts), got " + Quote.of(text.trim());
    }

    /** "12hours" → "did you mean 12h?": the unit written as a word. */
    private static UnitException withWordSuggestion(UnitException e, String text) {
        Matcher m = text == null ? null : DURATION_WORD.matcher(text.trim());
        if (m == null || !m.matches() || e.getMessage().contains("did you mean")) {
            return e;
        }
        String word = m.group(2).toLowerCase(Locale.ROOT);
        String unit = word.startsWith("h") ? "h" : word.startsWith("d") ? "d" : word.startsWith("mi") && word.contains("ll") ? "ms"
                : word.startsWith("mi") ? "m" : word.startsWith("s") ? "s" : "ms";
        return new UnitException(e.getMessage() + " (did you mean " + m.group(1) + unit + "?)");
    }

    /** A non-negative size in bytes, such as {@code 64MiB} or {@code 2300B}. */
    public static long sizeBytes(String text) {
        return parse(text, SIZE_BYTES, "a size such as 8KiB, 64MiB or 2300B (units: B, KB, MB, GB, KiB, MiB, GiB, TiB)");
    }

    /** A non-negative rate in events per second, such as {@code 1000/s} or {@code 30/min}. */
    public static double ratePerSecond(String text) {
        Matcher m = match(text, "a rate such as 1000/s or 30/min");
        Long per = PER_SECOND.get(m.group(2));
        if (per == null) {
            throw new UnitException("expected a rate such as 1000/s or 30/min, got " + Quote.of(text.trim()));
        }
        BigDecimal value = new BigDecimal(m.group(1));
        checkNotNegative(value, text);
        double perSecond = value.doubleValue() / per;
        if (!(perSecond <= MAX_RATE_PER_SECOND)) {
            throw new UnitException("must be at most 10000000/s (the highest rate Stormglass accepts), got " + Quote.of(text.trim()));
        }
        return perSecond;
    }

    /** A non-negative bandwidth in bits per second, such as {@code 1Gbit/s} or {@code 125MiB/s}. */
    public static long bitsPerSecond(String text) {
        return parse(text, BITS_PER_SECOND, "a bandwidth such as 1Gbit/s, 100Mbit/s or 125MiB/s");
    }

    /** A duration that may be negative ({@code -500ms}), for clock steps and offsets. */
    public static long signedDurationNanos(String text) {
        if (text != null && text.trim().startsWith("-")) {
            try {
                return -durationNanos(text.trim().substring(1));
            } catch (UnitException e) {
                throw new UnitException(e.getMessage().replace(Quote.of(text.trim().substring(1)), Quote.of(text.trim())));
            }
        }
        return durationNanos(text);
    }

    /**
     * Parts per million, written {@code 500ppm} or as a percentage {@code 0.05%}; may be negative
     * (a clock that runs slow). Rounded to a whole ppm.
     */
    public static long ppm(String text) {
        String t = text == null ? "" : text.trim();
        boolean negative = t.startsWith("-");
        String body = negative ? t.substring(1) : t;
        double value;
        if (body.endsWith("ppm")) {
            value = number(body.substring(0, body.length() - 3), text, "parts per million such as 500ppm or 0.05%");
        } else if (body.endsWith("%")) {
            value = number(body.substring(0, body.length() - 1), text, "parts per million such as 500ppm or 0.05%") * 10_000;
        } else {
            throw new UnitException("expected parts per million such as 500ppm or 0.05%, got " + Quote.of(t)
                    + (body.matches("[0-9]+(\\.[0-9]+)?") ? " (a unit is required)" : ""));
        }
        if (value > MAX_PPM) {
            throw new UnitException("must be at most " + MAX_PPM + "ppm, got " + Quote.of(t));
        }
        long rounded = Math.round(value);
        return negative ? -rounded : rounded;
    }

    /** A fraction within [0, 1], written as a plain number ({@code 0.3}) or a percentage ({@code 30%}). */
    public static double fraction(String text) {
        String t = text == null ? "" : text.trim();
        String expected = "a fraction such as 0.3 or 30%";
        double value = t.endsWith("%") ? number(t.substring(0, t.length() - 1), text, expected) / 100
                : number(t, text, expected);
        if (value > 1) {
            throw new UnitException("must be at most 1 (100%), got " + Quote.of(t));
        }
        return value;
    }

    private static double number(String digits, String text, String expected) {
        if (!PLAIN_NUMBER.matcher(digits.trim()).matches()) {
            throw new UnitException("expected " + expected + ", got " + Quote.of(text == null ? "" : text.trim()));
        }
        if (digits.trim().startsWith("-")) {
            throw new UnitException("must not be negative, got " + Quote.of(text.trim()));
        }
        return Double.parseDouble(digits.trim());
    }

    /** Formats bytes the way scenarios write sizes: the shortest exact form, binary units preferred on a tie. */
    public static String formatSize(long bytes) {
        String best = bytes + "B";
        for (String u : new String[] {"TiB", "GiB", "MiB", "KiB", "TB", "GB", "MB", "KB"}) {
            long scale = SIZE_BYTES.get(u);
            String candidate = (bytes / scale) + u;
            if (bytes != 0 && bytes % scale == 0 && candidate.length() < best.length()) {
                best = candidate;
            }
        }
        return best;
    }

    /** Formats a bandwidth, choosing the largest exact decimal bit unit (or MiB/s when that is exact). */
    public static String formatBitsPerSecond(long bitsPerSecond) {
        if (bitsPerSecond != 0 && bitsPerSecond % (8L << 20) == 0 && bitsPerSecond % 1_000_000 != 0) {
            return bitsPerSecond / (8L << 20) + "MiB/s";
        }
        String[] units = {"Gbit/s", "Mbit/s", "Kbit/s"};
        for (String u : units) {
            long scale = BITS_PER_SECOND.get(u);
            if (bitsPerSecond != 0 && bitsPerSecond % scale == 0) {
                return (bitsPerSecond / scale) + u;
            }
        }
        return bitsPerSecond + "bit/s";
    }

    /** Formats a signed duration ({@code -500ms}). */
    public static String formatSignedDuration(long nanos) {
        return nanos < 0 ? "-" + formatDuration(-nanos) : formatDuration(nanos);
    }

    /** Formats nanoseconds the way scenarios write durations, choosing the largest exact unit. */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String[] units = {"h", "m", "s", "ms", "us", "ns"};
        for (String u : units) {
            long scale = DURATION_NANOS.get(u);
            if (nanos != 0 && nanos % scale == 0) {
                return (nanos / scale) + u;
            }
        }
        return nanos + "ns";
    }

    private static long parse(String text, Map<String, Long> units, String expected) {
        Matcher m = match(text, expected);
        Long scale = units.get(m.group(2));
        if (scale == null) {
            String suggestion = caseInsensitiveUnit(units, m.group(2));
            throw new UnitException("expected " + expected + ", got " + Quote.of(text.trim())
                    + (suggestion == null ? "" : " (did you mean " + m.group(1) + suggestion + "?)"));
        }
        BigDecimal value = new BigDecimal(m.group(1));
        checkNotNegative(value, text);
        BigDecimal scaled = value.multiply(BigDecimal.valueOf(scale));
        if (scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UnitException(units == DURATION_NANOS ? tooLong(text) : Quote.of(text.trim()) + " is too large");
        }
        return scaled.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static Matcher match(String text, String expected) {
        if (text == null) {
            throw new UnitException("expected " + expected + ", got nothing");
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            boolean bareNumber = text.trim().matches("[+-]?[0-9]+(\\.[0-9]+)?");
            throw new UnitException("expected " + expected + ", got " + Quote.of(text.trim())
                    + (bareNumber ? " (a unit is required)" : ""));
        }
        return m;
    }

    /** A sign is refused even on zero: {@code -0s} is a typo, not a value. */
    private static void checkNotNegative(BigDecimal value, String text) {
        if (value.signum() < 0 || text.trim().startsWith("-")) {
            throw new UnitException("must not be negative, got " + Quote.of(text.trim()));
        }
    }

    private static String caseInsensitiveUnit(Map<String, Long> units, String unit) {
        for (String u : units.keySet()) {
            if (u.toLowerCase(Locale.ROOT).equals(unit.toLowerCase(Locale.ROOT))) {
                return u;
            }
        }
        return null;
    }
}
