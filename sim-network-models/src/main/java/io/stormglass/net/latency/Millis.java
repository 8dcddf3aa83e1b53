package io.stormglass.net.latency;

/** Unit handling shared by the distributions: validation of millisecond parameters and rounding to nanoseconds. */
final class Millis {
    private Millis() {
    }

    /** Milliseconds (as drawn by a distribution) to whole nanoseconds, clamped at zero. */
    static long toNanos(double ms) {
        if (!(ms > 0)) {
            return 0;
        }
        return Math.round(ms * 1_000_000.0);
    }

    /** Rejects NaN, infinite and negative parameters with a message naming the field. */
    static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite non-negative number: " + value);
        }
    }
}
