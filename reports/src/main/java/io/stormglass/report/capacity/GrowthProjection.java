package io.stormglass.report.capacity;

/**
 * Compound monthly growth: load after {@code m} months is {@code current × (1 + growth)^m}. The
 * SLO is missed in the first month whose load exceeds the maximum sustainable throughput.
 */
public final class GrowthProjection {
    private GrowthProjection() {
    }

    /**
     * The first whole month (from now = 0) in which the load exceeds {@code maxPerSecond}: 0 if it already
     * does, -1 if it never will (no growth) or nothing is known ({@code maxPerSecond} not finite).
     */
    public static int monthSloMissed(double currentPerSecond, double monthlyGrowth, double maxPerSecond) {
        if (!Double.isFinite(maxPerSecond) || currentPerSecond <= 0) {
            return -1;
        }
        if (currentPerSecond > maxPerSecond) {
            return 0;
        }
        if (monthlyGrowth <= 0) {
            return -1;
        }
        int m = (int) Math.floor(Math.log(maxPerSecond / currentPerSecond) / Math.log1p(monthlyGrowth)) + 1;
        // guard the floor against rounding at an exact power
        while (m > 0 && currentPerSecond * Math.pow(1 + monthlyGrowth, m - 1) > maxPerSecond) {
            m--;
        }
        return m;
    }

    /** Headroom at the current load: how many times the current load fits, minus one (0.5 = 50 % more load fits). */
    public static double headroom(double currentPerSecond, double maxPerSecond) {
        return currentPerSecond <= 0 ? Double.NaN : maxPerSecond / currentPerSecond - 1;
    }
}
