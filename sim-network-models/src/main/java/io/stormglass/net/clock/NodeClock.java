package io.stormglass.net.clock;

import io.stormglass.engine.event.Clock;

/**
 * One node's view of time: true (simulation) time run through a rate error (drift, in ppm) and
 * occasional steps, the way a server's oscillator and NTP make it. The simulation itself always
 * runs on true time; only code that asks this clock sees local time.
 *
 * <p>Two readings, as Linux and Go keep them apart:
 * <ul>
 *   <li>{@link #nowNanos()}: the wall clock ({@code CLOCK_REALTIME}) — drifts and steps; a
 *       negative {@link #step(long)} makes it go backwards, so unlike the engine's true clock it
 *       is <em>not</em> monotonic;</li>
 *   <li>{@link #monotonicNanos()} / {@link #monotonic()}: {@code CLOCK_MONOTONIC} — runs at the
 *       same drifted rate but ignores steps, so it never goes backwards. Go measures timers,
 *       tickers and lease durations on it, so a member's ticker belongs on it (see
 *       {@link LocalScheduler}).</li>
 * </ul>
 *
 * <p>The mapping is piecewise linear: each change of drift starts a new segment at the current
 * true time. Arithmetic is exact integer nanoseconds (floor), valid for runs of any length.
 */
public final class NodeClock implements Clock {
    private static final long PPM = 1_000_000L;

    private final Clock trueClock;
    private long segmentTrueNanos;
    private long segmentMonotonicNanos;
    private long driftPpm;
    private long stepOffsetNanos;

    /** A clock following {@code trueClock} with the drift and offset of {@code options}, anchored at the current true time. */
    public NodeClock(Clock trueClock, ClockOptions options) {
        this.trueClock = trueClock;
        this.segmentTrueNanos = trueClock.nowNanos();
        this.segmentMonotonicNanos = segmentTrueNanos;
        this.driftPpm = options.driftPpm();
        this.stepOffsetNanos = Math.round(options.offsetMs() * 1_000_000.0);
    }

    /** The local wall-clock time now, in nanoseconds: monotonic time plus every step taken. */
    @Override
    public long nowNanos() {
        return monotonicNanos() + stepOffsetNanos;
    }

    /** The local monotonic time now: drifts, never steps, never goes backwards. */
    public long monotonicNanos() {
        return monotonicAt(trueClock.nowNanos());
    }

    /** The monotonic reading as a {@link Clock}. */
    public Clock monotonic() {
        return this::monotonicNanos;
    }

    /** The current drift in parts per million. */
    public long driftPpm() {
        return driftPpm;
    }

    /** Sum of all steps (and the initial offset) in nanoseconds: wall minus monotonic. */
    public long stepOffsetNanos() {
        return stepOffsetNanos;
    }

    /** Changes the rate from now on (an oscillator warming up, NTP slewing). Past readings are unchanged. */
    public void setDriftPpm(long newDriftPpm) {
        if (Math.abs(newDriftPpm) > ClockOptions.MAX_DRIFT_PPM) {
            throw new IllegalArgumentException("driftPpm must be within ±" + ClockOptions.MAX_DRIFT_PPM + ": " + newDriftPpm);
        }
        long now = trueClock.nowNanos();
        segmentMonotonicNanos = monotonicAt(now);
        segmentTrueNanos = now;
        driftPpm = newDriftPpm;
    }

    /** Steps the wall clock by {@code deltaNanos} (negative: backwards), as {@code ntpdate} or a VM resume does. */
    public void step(long deltaNanos) {
        stepOffsetNanos = Math.addExact(stepOffsetNanos, deltaNanos);
    }

    /**
     * The monotonic reading at true time {@code trueNanos}, assuming the current drift holds
     * (exact for any time in the current segment and later, until the drift changes).
     */
    public long monotonicAt(long trueNanos) {
        long elapsed = trueNanos - segmentTrueNanos;
        return segmentMonotonicNanos + elapsed + scaleFloor(elapsed, driftPpm, PPM);
    }

    /**
     * The earliest true time at which the monotonic clock reads at least {@code monotonicNanos},
     * assuming the current drift holds: how a timer set in local time is placed on true time.
     */
    public long trueTimeAt(long monotonicNanos) {
        long localElapsed = monotonicNanos - segmentMonotonicNanos;
        long rate = PPM + driftPpm;
        long guess = segmentTrueNanos + scaleFloor(localElapsed, PPM, rate);
        // floor arithmetic may land one nanosecond early or late: settle on the exact earliest instant
        while (monotonicAt(guess) < monotonicNanos) {
            guess++;
        }
        while (monotonicAt(guess - 1) >= monotonicNanos) {
            guess--;
        }
        return guess;
    }

    /** True nanoseconds that pass while the monotonic clock advances by {@code localDelayNanos}, starting now. */
    public long trueDelayFor(long localDelayNanos) {
        long now = trueClock.nowNanos();
        return trueTimeAt(monotonicAt(now) + localDelayNanos) - now;
    }

    /** {@code floor(value · numerator / denominator)} without overflow for any run length. */
    private static long scaleFloor(long value, long numerator, long denominator) {
        long whole = Math.floorDiv(value, denominator);
        long rest = Math.floorMod(value, denominator);
        return Math.addExact(Math.multiplyExact(whole, numerator), Math.floorDiv(Math.multiplyExact(rest, numerator), denominator));
    }
}
