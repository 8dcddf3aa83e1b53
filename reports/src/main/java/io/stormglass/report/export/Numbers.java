package io.stormglass.report.export;

import java.math.BigDecimal;

/**
 * Locale-independent number text for exports and the report: exact decimal seconds from
 * nanoseconds and the shortest plain decimal of a double, so that files are byte-stable.
 */
public final class Numbers {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Numbers() {
    }

    /** {@code nanos} as exact decimal seconds without exponent, such as {@code 2.14} or {@code 0.000001}. */
    public static String seconds(long nanos) {
        return plain(BigDecimal.valueOf(nanos, 9));
    }

    /** Nanoseconds as decimal seconds, with {@code BigDecimal} exactness. */
    public static BigDecimal secondsDecimal(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    }

    /** Decimal seconds back to nanoseconds (rounded half-up at the nanosecond). */
    public static long nanos(BigDecimal seconds) {
        return seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The shortest decimal that reads back as {@code value}, without exponent; {@code NaN}/{@code Inf} as text. */
    public static String plain(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return plain(BigDecimal.valueOf(value));
    }

    /** Parses what {@link #plain(double)} wrote. */
    public static double parse(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Seconds per nanosecond, for charts. */
    public static double toSeconds(double nanos) {
        return nanos / NANOS_PER_SECOND;
    }

    private static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
