package io.stormglass.raft.internal;

/**
 * A member's clock in ticks, for the read lease and the heartbeats' send stamps (thesis §6.4.1): the
 * larger of the ticks delivered through {@code tick()} and the ticks the application reports as come
 * due. A ticker that drops ticks while its loop is blocked (Go's {@code time.Ticker}, and so etcd)
 * freezes the election and heartbeat timers, which is intended; a lease measured on delivered ticks
 * alone would then outlive its true length, so the lease reads this clock instead.
 */
final class TickClock {
    private long ticked;
    private long due;

    void tick() {
        ticked++;
    }

    /** The application's clock reached {@code ticks} ticks since the core was created; smaller values are ignored. */
    void observeDue(long ticks) {
        due = Math.max(due, ticks);
    }

    long ticked() {
        return ticked;
    }

    long now() {
        return Math.max(ticked, due);
    }
}
