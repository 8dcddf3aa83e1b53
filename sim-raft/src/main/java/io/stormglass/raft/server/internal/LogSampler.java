package io.stormglass.raft.server.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * etcd's log sampling: zap's sampler with etcd's settings ({@code client/pkg/logutil/zap.go},
 * {@code DefaultZapLoggerConfig.Sampling}: {@code Initial: 100, Thereafter: 100}, zap's one-second
 * tick). Within each second, the first 100 lines of one level and message are written, then every
 * 100th; the others are dropped, as a member that warns about every request under overload does.
 * The second is counted per level and message from the first line that opens it, in simulated
 * time, so sampling is deterministic. Not thread-safe, like the member it belongs to.
 */
final class LogSampler {
    /** Lines of one level and message written per tick before sampling starts (etcd: 100). */
    static final int INITIAL = 100;
    /** After {@link #INITIAL}, one line in this many is written (etcd: 100). */
    static final int THEREAFTER = 100;
    /** zap's sampling tick: one second. */
    static final long TICK_NANOS = 1_000_000_000L;

    private static final class Counter {
        long resetAtNanos;
        long count;
    }

    private final Map<String, Counter> counters = new HashMap<>();
    private long droppedLines;

    /** Whether a line of {@code level} and {@code msg} logged at {@code nowNanos} is written. */
    boolean admit(String level, String msg, long nowNanos) {
        Counter c = counters.computeIfAbsent(level + '\u0000' + msg, k -> new Counter());
        if (nowNanos >= c.resetAtNanos) {
            c.resetAtNanos = nowNanos + TICK_NANOS;
            c.count = 0;
        }
        long n = ++c.count;
        boolean written = n <= INITIAL || (n - INITIAL) % THEREAFTER == 0;
        if (!written) {
            droppedLines++;
        }
        return written;
    }

    /** Lines dropped so far. */
    long droppedLines() {
        return droppedLines;
    }
}
