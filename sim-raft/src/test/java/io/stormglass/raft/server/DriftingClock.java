package io.stormglass.raft.server;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;

/**
 * A test member's monotonic clock as a {@link Scheduler}: local time runs at {@code 1 + drift} times
 * true time, piecewise linear, with a drift that may change mid-run (the production twin is
 * sim-network-models' {@code LocalScheduler}, which caps drift at ±10 %; lease experiments need more).
 * An event set for local time {@code t} is placed on true time when it is scheduled, under the drift in
 * force then.
 */
final class DriftingClock implements Scheduler {
    private static final long PPM = 1_000_000L;

    private final Scheduler trueScheduler;
    private long segmentTrueNanos;
    private long segmentLocalNanos;
    private long ratePpm = PPM;

    DriftingClock(Scheduler trueScheduler) {
        this.trueScheduler = trueScheduler;
        this.segmentTrueNanos = trueScheduler.nowNanos();
        this.segmentLocalNanos = segmentTrueNanos;
    }

    /** From now on the clock gains {@code driftPpm} per million (negative: it runs slow; -500 000 = half speed). */
    void setDriftPpm(long driftPpm) {
        if (driftPpm <= -PPM) {
            throw new IllegalArgumentException("a clock must move forward: " + driftPpm + " ppm");
        }
        long now = trueScheduler.nowNanos();
        segmentLocalNanos = localAt(now);
        segmentTrueNanos = now;
        ratePpm = PPM + driftPpm;
    }

    @Override
    public long nowNanos() {
        return localAt(trueScheduler.nowNanos());
    }

    private long localAt(long trueNanos) {
        return segmentLocalNanos + Math.floorDiv((trueNanos - segmentTrueNanos) * ratePpm, PPM);
    }

    /** The earliest true instant at which local time reaches {@code localNanos}. */
    private long trueAt(long localNanos) {
        return segmentTrueNanos - Math.floorDiv(-(localNanos - segmentLocalNanos) * PPM, ratePpm); // ceiling
    }

    @Override
    public long scheduleAt(long atLocalNanos, EventKind kind, long key, EventAction action) {
        return trueScheduler.scheduleAt(Math.max(trueScheduler.nowNanos(), trueAt(atLocalNanos)), kind, key, action);
    }

    @Override
    public boolean cancel(long handle) {
        return trueScheduler.cancel(handle);
    }
}
