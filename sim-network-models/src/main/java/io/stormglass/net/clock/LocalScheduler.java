package io.stormglass.net.clock;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;

/**
 * A {@link Scheduler} in a node's local monotonic time: {@code nowNanos()} reads the node's
 * {@link NodeClock#monotonicNanos()}, and an event scheduled at local time {@code t} fires at the
 * true instant when that clock reaches {@code t}. Hand it to an engine {@code Ticker} and the
 * member ticks at its own (drifted) pace, as a Go ticker does on a fast or slow host.
 *
 * <p>An event is placed on true time when it is scheduled, under the drift of that moment; a later
 * {@link NodeClock#setDriftPpm(long)} does not move it (as a Linux hrtimer armed before an NTP
 * frequency change keeps its expiry). Wall-clock steps never affect it.
 */
public final class LocalScheduler implements Scheduler {
    private final Scheduler trueScheduler;
    private final NodeClock clock;

    public LocalScheduler(Scheduler trueScheduler, NodeClock clock) {
        this.trueScheduler = trueScheduler;
        this.clock = clock;
    }

    @Override
    public long nowNanos() {
        return clock.monotonicNanos();
    }

    @Override
    public long scheduleAt(long atLocalNanos, EventKind kind, long key, EventAction action) {
        long now = trueScheduler.nowNanos();
        if (atLocalNanos < clock.monotonicAt(now)) {
            throw new IllegalArgumentException("cannot schedule " + kind + " at local " + atLocalNanos
                    + " ns: local now is " + clock.monotonicAt(now) + " ns");
        }
        return trueScheduler.scheduleAt(Math.max(now, clock.trueTimeAt(atLocalNanos)), kind, key, action);
    }

    @Override
    public boolean cancel(long handle) {
        return trueScheduler.cancel(handle);
    }
}
