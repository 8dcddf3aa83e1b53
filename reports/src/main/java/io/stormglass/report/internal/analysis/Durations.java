package io.stormglass.report.internal.analysis;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Durations as a person reads them in the report ({@code 2.14 s}, {@code 850 µs}). Text only goes out:
 * the report reads every duration as a number from the recording, never parses one back.
 */
public final class Durations {
    private Durations() {
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
}
