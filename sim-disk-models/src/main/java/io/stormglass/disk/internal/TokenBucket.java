package io.stormglass.disk.internal;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.ArrayDeque;

/**
 * A token bucket that releases waiters in FIFO order on a periodic tick, after librbd's
 * {@code TokenBucketThrottle}: every tick adds {@code ratePerSecond × tick} tokens up to
 * {@code capacity}; a request takes {@code cost} tokens; requests that find too few tokens, or
 * find others already waiting, queue and are released only at tick instants, in arrival order.
 * So under saturation completions bunch at tick boundaries and waits grow in whole ticks.
 *
 * <p>A request costing more than the capacity passes once the bucket is full and leaves it in
 * debt (as Firecracker's and librbd's byte buckets allow over-consumption), so no request can
 * starve. The bucket starts full. Ticks are only scheduled while someone waits.
 */
public final class TokenBucket {
    private final Scheduler scheduler;
    private final EventKind kind;
    private final long key;
    private final double tokensPerTick;
    private final double capacity;
    private final long tickNanos;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private final EventAction tick = this::onTick;
    private double tokens;
    private long lastTickNanos;
    private boolean tickScheduled;
    private long granted;

    private record Waiter(double cost, Runnable granted) {
    }

    /**
     * @param ratePerSecond tokens added per second (the limit)
     * @param capacity      most tokens held (the burst), at least one tick's worth
     * @param tickNanos     release period (librbd: {@code rbd_qos_schedule_tick_min}, 50 ms)
     */
    public TokenBucket(Scheduler scheduler, EventKind kind, long key, double ratePerSecond, double capacity,
            long tickNanos) {
        if (ratePerSecond <= 0 || tickNanos <= 0) {
            throw new IllegalArgumentException("rate and tick must be positive: " + ratePerSecond + ", " + tickNanos);
        }
        this.scheduler = scheduler;
        this.kind = kind;
        this.key = key;
        this.tickNanos = tickNanos;
        this.tokensPerTick = ratePerSecond * tickNanos / 1e9;
        this.capacity = Math.max(capacity, tokensPerTick);
        this.tokens = this.capacity;
        this.lastTickNanos = scheduler.nowNanos();
    }

    /** Takes {@code cost} tokens, running {@code onGranted} inline if possible now, else at a later tick. */
    public void acquire(double cost, Runnable onGranted) {
        refill();
        if (waiting.isEmpty() && canTake(cost)) {
            take(cost);
            onGranted.run();
            return;
        }
        waiting.addLast(new Waiter(cost, onGranted));
        scheduleTick();
    }

    /** Requests waiting for tokens. */
    public int waiting() {
        return waiting.size();
    }

    /** Requests let through so far. */
    public long granted() {
        return granted;
    }

    public double capacity() {
        return capacity;
    }

    private boolean canTake(double cost) {
        return tokens >= Math.min(cost, capacity) - 1e-9;
    }

    private void take(double cost) {
        tokens -= cost;
        granted++;
    }

    private void refill() {
        long ticks = (scheduler.nowNanos() - lastTickNanos) / tickNanos;
        if (ticks > 0) {
            tokens = Math.min(capacity, tokens + ticks * tokensPerTick);
            lastTickNanos += ticks * tickNanos;
        }
    }

    private void scheduleTick() {
        if (tickScheduled) {
            return;
        }
        tickScheduled = true;
        scheduler.scheduleAt(lastTickNanos + tickNanos, kind, key, tick);
    }

    private void onTick() {
        tickScheduled = false;
        refill();
        while (!waiting.isEmpty() && canTake(waiting.peekFirst().cost())) {
            Waiter w = waiting.pollFirst();
            take(w.cost());
            w.granted().run();
        }
        if (!waiting.isEmpty()) {
            scheduleTick();
        }
    }
}
