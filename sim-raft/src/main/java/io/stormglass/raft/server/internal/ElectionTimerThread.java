package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.DeadlineTimer;
import io.stormglass.engine.exec.TimerWakeup;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.StateRole;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * A plain Raft server's election timer thread (LogCabin's {@code RaftConsensus::timerThreadMain}): it
 * waits on a condition variable until {@code startElectionAt}, and when it wakes past that deadline
 * the server starts an election, whose {@code setElectionTimer} sets the next deadline one timeout
 * from that moment. The deadline is kept in nanoseconds of the member's local clock, not in ticks:
 * each restart of the core's timer (a message from the leader, a granted vote, a candidacy) arms it
 * one drawn timeout from the instant the node loop handles the restart.
 *
 * <p>The thread wakes late ({@link TimerWakeup}: the timer slack, then a measured wake-up latency drawn
 * per firing), and the candidacy it starts restarts the timer from that late moment, so the lateness
 * accumulates on each member by its own draws: two servers whose timeouts are equal (the Raft paper's
 * 150–150 ms line) drift apart instead of timing out together round after round.
 */
final class ElectionTimerThread {
    private final DeadlineTimer timer;
    private final long tickNanos;
    private long armedStart = -1;

    /**
     * @param localScheduler the member's own clock
     * @param tickNanos      the length of the core's tick, in which its timeouts are drawn
     * @param random         the member's own stream for the lateness ({@code timer-wakeup/n<id>})
     * @param onWake         hands the wake for the core's timer start {@code start} to the node loop
     */
    ElectionTimerThread(Scheduler localScheduler, String name, long tickNanos, TimerWakeup wakeup, RandomGenerator random,
            LongConsumer onWake) {
        this.tickNanos = tickNanos;
        this.timer = new DeadlineTimer(localScheduler, name, wakeup, random, () -> onWake.accept(armedStart));
    }

    /**
     * Called on the node loop after each input to the core: a new start of the core's election timer
     * re-arms the deadline one randomized timeout from now; a leader waits for nothing (LogCabin's
     * {@code startElectionAt = TimePoint::max()}).
     */
    void follow(RawNode node) {
        long starts = node.electionTimerStarts();
        if (starts == armedStart) {
            return;
        }
        armedStart = starts;
        if (node.softState().role() == StateRole.LEADER) {
            timer.disarm();
        } else {
            timer.arm(node.randomizedElectionTimeout() * tickNanos);
        }
    }

    /** The process died: its thread waits for nothing more. */
    void stop() {
        timer.disarm();
    }
}
