package io.stormglass.raft.internal;

import io.stormglass.raft.RaftConfig;
import java.util.random.RandomGenerator;

/**
 * A member's election timer in ticks (§5.2): the ticks elapsed since it last restarted, the randomized
 * timeout drawn uniformly in {@code [electionTick, electionTickMax]}, and how many times it has
 * started. A leader counts the same ticks for its CheckQuorum and transfer periods (thesis §6.2,
 * §3.10) and zeroes them without starting the timer.
 *
 * <p>The start count lets an application that keeps the timeout as a deadline of its own
 * ({@link RaftConfig#externalElectionTimer()}) see every restart, however many happen in one step:
 * each start, whether or not it draws a new timeout, moves the deadline to one timeout from the
 * moment of the restart.
 */
final class ElectionTimer {
    private final RaftConfig config;
    private final RandomGenerator random;
    private int elapsed;
    private int timeout;
    private long starts;

    ElectionTimer(RaftConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** Restarts the timer from zero; with {@code redraw} under a newly drawn timeout, else under the one drawn last. */
    void restart(boolean redraw) {
        elapsed = 0;
        starts++;
        if (redraw) {
            timeout = config.electionTick() + random.nextInt(config.electionTickMax() - config.electionTick() + 1);
        }
    }

    /** Counts one tick; returns the ticks elapsed since the last restart or zeroing. */
    int countTick() {
        return ++elapsed;
    }

    /** A leader's period ended: its count starts again, the timer does not start (nothing waits on it). */
    void zero() {
        elapsed = 0;
    }

    int elapsed() {
        return elapsed;
    }

    /** The timeout drawn at the last redraw in ticks; 0 before the first. */
    int timeout() {
        return timeout;
    }

    /** Starts so far, the first at the core's creation. */
    long starts() {
        return starts;
    }
}
