package io.stormglass.net.clock;

/**
 * How a node's clock starts out. Zero defaults: a perfect clock.
 *
 * @param driftPpm  rate error in parts per million: +500 means the clock gains 500 µs per true
 *                  second. Ordinary quartz oscillators are within ±100 ppm; NTP (ntpd) refuses to
 *                  discipline clocks worse than 500 ppm, so that is the largest drift it can hide
 * @param offsetMs  the wall clock's initial offset from true time (may be negative)
 */
public record ClockOptions(long driftPpm, double offsetMs) {
    /** The largest drift accepted: ±10 %, far beyond any working oscillator. */
    public static final long MAX_DRIFT_PPM = 100_000;

    public ClockOptions {
        if (Math.abs(driftPpm) > MAX_DRIFT_PPM) {
            throw new IllegalArgumentException("driftPpm must be within ±" + MAX_DRIFT_PPM + ": " + driftPpm);
        }
        if (Double.isNaN(offsetMs) || Double.isInfinite(offsetMs)) {
            throw new IllegalArgumentException("offsetMs must be finite: " + offsetMs);
        }
    }

    /** A perfect clock. */
    public static ClockOptions perfect() {
        return new ClockOptions(0, 0);
    }

    public static ClockOptions drift(long driftPpm) {
        return new ClockOptions(driftPpm, 0);
    }
}
