package io.stormglass.raft.client;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.CpuPool;

/**
 * The machine clients run on: its cores ({@link CpuPool}) and what a call costs there
 * ({@link ClientCpu}). Shared by every {@link KvClient} of one load generator. A call's sending
 * half waits for a core in FIFO order behind the machine's other work: the calling goroutine was
 * readied by the load's pacing (etcd 3.2's benchmark waits on a rate limiter before every request,
 * and golang.org/x/time/rate's {@code WaitN} creates a timer even for a zero delay, so the goroutine
 * is readied by the runtime's timer, not handed a core); the receiving half runs next on its core,
 * as the connection's reader goroutine hands the reply over a channel (Go's {@code runnext}).
 */
public final class ClientHost {
    private static final EventKind BURST_END = EventKind.named("client.cpu-burst");

    private final Scheduler scheduler;
    private final ClientCpu cpu;
    private final CpuPool pool;
    private java.util.List<Runnable> pendingTimers = new java.util.ArrayList<>();
    private boolean timerWoken;

    public ClientHost(Scheduler scheduler, String name, ClientCpu cpu) {
        this.scheduler = scheduler;
        this.cpu = cpu;
        this.pool = cpu.modelled() ? new CpuPool(scheduler, name, cpu.cores()) : null;
    }

    /** A host whose calls cost nothing. */
    public static ClientHost none(Scheduler scheduler) {
        return new ClientHost(scheduler, "none", ClientCpu.none());
    }

    /**
     * The receiving half of a call's client CPU for a reply of {@code bytes} bytes, then {@code then}: the
     * connection's reader goroutine hands the reply to the waiting caller, which runs next (Go's
     * {@code runnext}); at once without a CPU model.
     */
    void receiveHalf(long bytes, long key, Runnable then) {
        if (pool == null) {
            then.run();
            return;
        }
        pool.submit(burst(bytes, key, () -> { }, then));
    }

    /**
     * The sending half of a call's client CPU for a request of {@code bytes} bytes, once a core is free in
     * FIFO order (the caller was readied by the load's own pacing, etcd's benchmark by its rate limiter's
     * timer): {@code onCore} as the goroutine starts running, {@code then} at the end of the work; both at
     * once without a CPU model.
     */
    void sendHalf(long bytes, long key, Runnable onCore, Runnable then) {
        if (pool == null) {
            onCore.run();
            then.run();
            return;
        }
        pool.submit(burst(bytes, key, onCore, then));
    }

    private CpuPool.Burst burst(long bytes, long key, Runnable onCore, Runnable then) {
        long work = cpu.grpcRequestNanos() / 2 + bytes * cpu.grpcKiBNanos() / 1024;
        return () -> {
            onCore.run();
            long wall = pool.wallNanos(work);
            scheduler.scheduleAt(scheduler.nowNanos() + wall, BURST_END, key, then::run);
            return wall;
        };
    }

    /**
     * Runs {@code then} once the caller's pacing timer has fired: with {@code paceTimerNanos} set, every call
     * waits on a zero-delay timer that the process's one timer goroutine fires (Go 1.8: one global timer
     * heap served by one {@code timerproc} goroutine, https://github.com/golang/go/issues/15133, fixed in
     * Go 1.10); the goroutine is woken once for all timers pending, waits for a core in FIFO order, and
     * spends {@code paceTimerNanos} on each timer it fires. Without it, or without a CPU model, at once.
     */
    void pace(Runnable then) {
        if (pool == null || cpu.paceTimerNanos() == 0) {
            then.run();
            return;
        }
        pendingTimers.add(then);
        if (!timerWoken) {
            timerWoken = true;
            pool.submit(this::fireTimers);
        }
    }

    private long fireTimers() {
        timerWoken = false;
        java.util.List<Runnable> due = pendingTimers;
        pendingTimers = new java.util.ArrayList<>();
        due.forEach(Runnable::run); // each readied caller queues its send for a core
        return pool.wallNanos(due.size() * cpu.paceTimerNanos());
    }

    /** The host's cores, or null without a CPU model. */
    public CpuPool cores() {
        return pool;
    }
}
