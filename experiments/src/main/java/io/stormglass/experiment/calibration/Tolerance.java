package io.stormglass.experiment.calibration;

/**
 * The interval a simulated figure must fall in to agree with its reference, in the figure's own
 * unit, both ends inclusive. A relative tolerance around a published value and a one-sided bound
 * (the paper's "took longer than 10 seconds", "below 250 ms") are both intervals.
 *
 * @param low  smallest accepted value ({@code Double.NEGATIVE_INFINITY} for none)
 * @param high largest accepted value ({@code Double.POSITIVE_INFINITY} for none)
 * @param text how the tolerance reads in the table, e.g. {@code ±15 %} or {@code > 5000}
 */
public record Tolerance(double low, double high, String text) {
    public Tolerance {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("tolerance interval [" + low + ", " + high + "] is empty");
        }
    }

    /** Within {@code ±fraction} of {@code published} (0.25 for ±25 %). */
    public static Tolerance relative(double published, double fraction) {
        double spread = Math.abs(published) * fraction;
        return new Tolerance(published - spread, published + spread, "±" + Math.round(fraction * 100) + " %");
    }

    /** At least {@code low}. */
    public static Tolerance atLeast(double low) {
        return new Tolerance(low, Double.POSITIVE_INFINITY, "≥ " + plain(low));
    }

    /** At most {@code high}. */
    public static Tolerance atMost(double high) {
        return new Tolerance(Double.NEGATIVE_INFINITY, high, "≤ " + plain(high));
    }

    /** Between {@code low} and {@code high}. */
    public static Tolerance between(double low, double high) {
        return new Tolerance(low, high, plain(low) + "–" + plain(high));
    }

    /** Whether {@code simulated} agrees; NaN (no figure could be measured) never does. */
    public boolean accepts(double simulated) {
        return !Double.isNaN(simulated) && simulated >= low && simulated <= high;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
