package io.stormglass.report.internal.analysis;

import java.math.BigDecimal;
import java.util.Locale;

/** Duration text in and out: Go/etcd style ({@code 100ms}, {@code 2.14s}, {@code 1m30s}) to nanoseconds and back. */
public final class Durations {
    private Durations() {
    }

    /**
     * Parses a sequence of number+unit pairs (units {@code ns, us, µs, ms, s, m, h}), as Go's
     * {@code time.ParseDuration} and etcd's log fields write them.
     *
     * @throws IllegalArgumentException if the text is not a duration
     */
    public static long parseNanos(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            if (numberStart == unitStart || unitStart == i) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            BigDecimal number = new BigDecimal(s.substring(numberStart, unitStart));
            total = total.add(number.multiply(BigDecimal.valueOf(unitNanos(s.substring(unitStart, i), text))));
        }
        return total.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** Parses {@code text}, or returns {@code fallback} if it is null or not a duration. */
    public static long parseOr(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return parseNanos(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return fallback;
        }
    }

    /** Human text with three significant figures: {@code 850 µs}, {@code 12.3 ms}, {@code 2.14 s}, {@code 1.5 h}. */
    public static String human(long nanos) {
        double v = nanos;
        if (nanos < 1_000L) {
            return nanos + " ns";
        } else if (nanos < 1_000_000L) {
            return sig(v / 1e3) + " µs";
        } else if (nanos < 1_000_000_000L) {
            return sig(v / 1e6) + " ms";
        } else if (nanos < 120_000_000_000L) {
            return sig(v / 1e9) + " s";
        } else if (nanos < 7_200_000_000_000L) {
            return sig(v / 60e9) + " min";
        }
        return sig(v / 3600e9) + " h";
    }

    /** Three significant figures, Locale.ROOT, no trailing zeros. */
    public static String sig(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A fraction 0..1 as a whole percentage, such as {@code 97 %}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    private static long unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in " + text);
        };
    }
}
