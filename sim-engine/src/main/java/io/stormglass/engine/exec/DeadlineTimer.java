package io.stormglass.engine.exec;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;
import java.util.random.RandomGenerator;

/**
 * A thread that waits until a deadline (a condition variable's timed wait), woken late by the
 * operating system ({@link TimerWakeup}): armed for instant T, the kernel's timer expires at T, and
 * the thread runs {@code onWake} at {@code T + lateness}, the lateness drawn from {@code random} at
 * that expiry, once per firing. Re-arming replaces the deadline (the waiting thread recomputes its
 * wait); a deadline re-armed or disarmed before its thread ran never wakes it. A caller that re-arms
 * from {@code onWake} restarts from the late moment, as a server that sets its next deadline to
 * "now + timeout" when it wakes.
 *
 * <p>Times are the scheduler's: give it a member's local clock and the deadline is on that clock.
 */
public final class DeadlineTimer {
    private static final EventKind EXPIRE = EventKind.named("timer.expire");
    private static final EventKind WAKE = EventKind.named("timer.wake");

    private final Scheduler scheduler;
    private final TimerWakeup wakeup;
    private final RandomGenerator random;
    private final Runnable onWake;
    private final long key;
    private long handle = Scheduler.NO_EVENT;
    private long deadlineNanos = -1;

    /**
     * @param random the stream the lateness is drawn from (one of the owner's own, so other streams do not shift)
     * @param onWake runs when the thread wakes for a deadline still armed
     */
    public DeadlineTimer(Scheduler scheduler, String name, TimerWakeup wakeup, RandomGenerator random, Runnable onWake) {
        this.scheduler = scheduler;
        this.wakeup = wakeup;
        this.random = random;
        this.onWake = onWake;
        this.key = Hashing.fnv1a64(name);
    }

    /** Sets the deadline {@code delayNanos} from now, replacing any armed one. */
    public void arm(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("a deadline cannot be in the past: " + delayNanos + " ns");
        }
        scheduler.cancel(handle);
        deadlineNanos = scheduler.nowNanos() + delayNanos;
        handle = scheduler.scheduleAt(deadlineNanos, EXPIRE, key, this::expire);
    }

    /** No deadline: the thread waits until armed again. */
    public void disarm() {
        scheduler.cancel(handle);
        handle = Scheduler.NO_EVENT;
        deadlineNanos = -1;
    }

    /** Whether a deadline is set and its thread has not run for it yet. */
    public boolean armed() {
        return deadlineNanos >= 0;
    }

    /** The armed deadline on the scheduler's clock; -1 when disarmed. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    private void expire() {
        if (wakeup.exact()) {
            wake();
            return;
        }
        handle = scheduler.schedule(wakeup.drawLatenessNanos(random), WAKE, key, this::wake);
    }

    private void wake() {
        handle = Scheduler.NO_EVENT;
        deadlineNanos = -1;
        onWake.run();
    }
}
