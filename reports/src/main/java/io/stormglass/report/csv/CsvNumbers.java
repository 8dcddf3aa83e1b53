package io.stormglass.report.csv;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Number cells of the experiments' tables ({@code sweep.csv}, {@code failover.csv}, {@code fuzz.csv}),
 * locale-independent so that a file reads the same on every machine. ({@code metrics.csv} and the
 * JSON files use {@link io.stormglass.report.export.Numbers}: exact seconds, shortest doubles.)
 */
public final class CsvNumbers {
    /** The text {@link #decimals} writes for a finite value; at most 40 characters are read. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvNumbers() {
    }

    /**
     * A plain decimal rounded half-up to at most {@code decimals} decimals, trailing zeros dropped
     * ({@code 12.5}, {@code 3}); NaN (no value) is the empty cell and infinity is {@code inf}.
     */
    public static String decimals(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return "inf";
        }
        String s = fixed(v, decimals);
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Reads what {@link #decimals} writes: the empty cell is NaN, {@code inf} is infinity. */
    public static double parseDecimals(String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        if (text.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("not a plain decimal: " + text);
        }
        return Double.parseDouble(text);
    }

    /** Exactly {@code decimals} decimals, rounded half-up ({@code 2.623920}); as {@code %.Nf} in Java's root locale. */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
