package io.stormglass.engine.exec;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How late a thread that waits until a deadline runs again: the operating system's timer slack, then
 * the thread's wake-up latency drawn from a measured distribution, per firing. A {@link DeadlineTimer}
 * applies it.
 *
 * <p>Why the slack is added whole: Linux arms a timed wait (a condition variable's
 * {@code pthread_cond_timedwait}, a futex wait with {@code current->timer_slack_ns}) as an hrtimer
 * with a soft expiry at the deadline and a hard expiry one slack later, and programs the CPU's timer
 * interrupt for the hard expiry ({@code kernel/time/hrtimer.c}: {@code hrtimer_reprogram} uses
 * {@code hrtimer_get_expires}); a timer whose soft expiry has passed fires early only when some other
 * interrupt comes first ({@code __hrtimer_run_queues}: "minimizing wakeups, not running timers at the
 * earliest interrupt after their soft expiration"). On an otherwise idle core, as a Raft server's
 * timer thread is while no leader sends anything, nothing else comes within 50 µs, so the wait ends
 * at the hard expiry: the slack is a constant delay, not a uniform draw in {@code [0, slack]}. Only the
 * wake-up latency varies from one firing to the next, and only the variation moves two servers'
 * timers apart.
 *
 * @param slackNanos       the thread's timer slack: Linux's default for a normal (non-real-time) thread
 *                         is 50 µs (prctl(2), {@code PR_SET_TIMERSLACK}: init's slack is 50 000 ns and every
 *                         thread inherits its parent's; futex waits, and so {@code pthread_cond_timedwait(3)},
 *                         are subject to it; real-time threads get none); 0 for none
 * @param latencyBinNanos  the width of each bin of {@code latencyBinCounts}
 * @param latencyBinCounts how often a wake-up latency in {@code [i·bin, (i+1)·bin)} was measured, bin i at
 *                         index i; a draw picks a bin by its count and a value uniformly within it. Empty
 *                         for none
 */
public record TimerWakeup(long slackNanos, long latencyBinNanos, List<Long> latencyBinCounts) {
    /** A timer that fires exactly at its deadline. */
    public static final TimerWakeup EXACT = new TimerWakeup(0, 1, List.of());

    /** Linux's default timer slack for a normal thread (prctl(2), {@code PR_SET_TIMERSLACK}). */
    public static final long LINUX_DEFAULT_SLACK_NANOS = 50_000;

    /**
     * The thread timer latency measured by the Linux kernel's {@code rtla timerlat hist} example
     * (Documentation/tools/rtla/rtla-timerlat-hist.rst, "timerlat hist -d 10m -c 0-4 -P d:100us:1ms -p 1000"):
     * the time from a timer's expiry until the thread it wakes runs, 600 002 wake-ups on each of CPUs 0-4
     * over ten minutes, in 1 µs bins; the five {@code Thr-00n} columns pooled (3 000 010 wake-ups: mean
     * 5.7 µs, standard deviation 2.5 µs, largest 58 µs). That run woke SCHED_DEADLINE threads every
     * millisecond; a normal thread woken after a long sleep leaves a deeper idle state, which adds a
     * nearly constant exit latency (it moves every server's timer alike) that is not modelled.
     */
    public static final List<Long> TIMERLAT_THREAD_LATENCY_US = List.of(0L, 240_701L, 546_171L, 64_881L, 117_516L,
            300_830L, 668_783L, 553_783L, 399_919L, 84_584L, 14_092L, 3_648L, 1_779L, 1_125L, 740L, 504L, 312L, 198L,
            143L, 99L, 54L, 38L, 19L, 17L, 15L, 6L, 5L, 5L, 4L, 8L, 1L, 5L, 3L, 3L, 2L, 3L, 3L, 1L, 0L, 0L, 2L, 1L, 1L,
            0L, 1L, 0L, 1L, 1L, 0L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L);

    public TimerWakeup {
        latencyBinCounts = List.copyOf(latencyBinCounts);
        if (slackNanos < 0 || latencyBinNanos <= 0) {
            throw new IllegalArgumentException("the timer slack must be >= 0 and the bin width positive, got slack "
                    + slackNanos + " ns, bin " + latencyBinNanos + " ns");
        }
        long total = 0;
        for (long count : latencyBinCounts) {
            if (count < 0) {
                throw new IllegalArgumentException("a bin count must be >= 0, got " + count);
            }
            total += count;
        }
        if (!latencyBinCounts.isEmpty() && total == 0) {
            throw new IllegalArgumentException("a wake-up latency distribution needs at least one measurement");
        }
    }

    /** A normal thread's timed wait on an idle Linux core with the given slack: the slack, then the timerlat latency. */
    public static TimerWakeup linux(long slackNanos) {
        return new TimerWakeup(slackNanos, 1_000, TIMERLAT_THREAD_LATENCY_US);
    }

    /** Whether a timer fires exactly at its deadline (nothing to draw). */
    public boolean exact() {
        return slackNanos == 0 && latencyBinCounts.isEmpty();
    }

    /** How late one firing runs, in ns: the slack plus one drawn wake-up latency; 0 (and no draw) if exact. */
    public long drawLatenessNanos(RandomGenerator random) {
        if (latencyBinCounts.isEmpty()) {
            return slackNanos;
        }
        long total = 0;
        for (long count : latencyBinCounts) {
            total += count;
        }
        long pick = random.nextLong(total);
        int bin = 0;
        while (pick >= latencyBinCounts.get(bin)) {
            pick -= latencyBinCounts.get(bin);
            bin++;
        }
        return slackNanos + bin * latencyBinNanos + random.nextLong(latencyBinNanos);
    }
}
