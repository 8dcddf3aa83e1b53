package io.stormglass.engine.exec;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;

/**
 * A periodic tick delivered to a {@link SerialExecutor} with the semantics of Go's
 * {@code time.Ticker}: the ticker fires every interval on its own; its channel holds at most one
 * tick, so while the executor has not yet taken the previous tick, further ticks are dropped
 * (and counted). After a long block the executor receives exactly one late tick, then ticks
 * resume on the original schedule. This is why a member stalled in fsync stops its raft clock.
 */
public final class Ticker {
    private static final EventKind FIRE = EventKind.named("ticker.fire");

    private final Scheduler scheduler;
    private final SerialExecutor executor;
    private final long intervalNanos;
    private final Task onTick;
    private final long key;

    private boolean running;
    private boolean tickPending;
    private long nextFireNanos;
    private long timerHandle = Scheduler.NO_EVENT;
    private long fired;
    private long delivered;
    private long dropped;

    /**
     * @param intervalNanos the period, positive
     * @param onTick        runs on {@code executor} for each tick it receives
     */
    public Ticker(Scheduler scheduler, SerialExecutor executor, String name, long intervalNanos, Task onTick) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("ticker interval must be positive: " + intervalNanos + " ns");
        }
        this.scheduler = scheduler;
        this.executor = executor;
        this.intervalNanos = intervalNanos;
        this.onTick = onTick;
        this.key = Hashing.fnv1a64(name);
    }

    /** Starts ticking: the first tick fires one interval from now. */
    public void start() {
        start(intervalNanos);
    }

    /**
     * Starts ticking at a phase of its own: the first tick fires {@code firstTickNanos} from now, in
     * {@code (0, interval]}, and the rest one interval apart. Processes that boot at different moments
     * tick at different phases; starting them all with {@link #start()} at one instant would make
     * their ticks (and any timeouts counted in ticks) coincide exactly.
     */
    public void start(long firstTickNanos) {
        if (firstTickNanos <= 0 || firstTickNanos > intervalNanos) {
            throw new IllegalArgumentException("the first tick must come within (0, " + intervalNanos + "] ns, got " + firstTickNanos);
        }
        if (running) {
            return;
        }
        running = true;
        tickPending = false;
        nextFireNanos = scheduler.nowNanos() + firstTickNanos;
        timerHandle = scheduler.scheduleAt(nextFireNanos, FIRE, key, this::fire);
    }

    /** Stops ticking; a tick already handed to the executor is not taken back. */
    public void stop() {
        running = false;
        scheduler.cancel(timerHandle);
        timerHandle = Scheduler.NO_EVENT;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Ticks that fired (delivered, pending or dropped). */
    public long firedTicks() {
        return fired;
    }

    /** Ticks the executor received. */
    public long deliveredTicks() {
        return delivered;
    }

    /** Ticks dropped because the previous one had not been received yet. */
    public long droppedTicks() {
        return dropped;
    }

    private void fire() {
        if (!running) {
            return;
        }
        fired++;
        if (tickPending) {
            dropped++;
        } else {
            tickPending = true;
            executor.execute(this::receive);
        }
        nextFireNanos += intervalNanos;
        timerHandle = scheduler.scheduleAt(nextFireNanos, FIRE, key, this::fire);
    }

    private void receive(TaskContext context) {
        tickPending = false;
        delivered++;
        onTick.run(context);
    }
}
