package io.stormglass.engine.exec;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;
import java.util.ArrayDeque;

/**
 * The cores of one simulated machine (Go's {@code GOMAXPROCS}): every burst of CPU that a
 * process's threads want runs on one of {@code cores} cores. A burst that finds every core busy
 * waits in one FIFO queue for the machine (Go's run queues are roughly FIFO) and starts on the
 * first core that frees up; a burst is never preempted (bursts here are microseconds long, far
 * below Go's 10 ms time slice).
 *
 * <p>Two classes of waiting work, as Go's scheduler has: a goroutine that another one readies
 * through a channel operation goes into its processor's {@code runnext} slot and runs before the
 * queued ones ({@code runqput(pp, gp, next=true)} in {@code ready()}, runtime/proc.go). The
 * long-lived loops of a process (a {@link SerialExecutor}: etcd's raft loops, apply loop, stream
 * readers and writers, each woken by a channel hand-off) {@linkplain #submitNext run next}; the
 * short-lived work of request handlers ({@link #submit}, {@link #run}) waits in FIFO order behind
 * them.
 *
 * <p>A {@link Burst} runs its code at the instant it gets a core and says how much CPU it used;
 * the core is busy for that long. So the effects of a step (messages sent, I/O submitted) happen
 * when the thread is really scheduled, after any wait for a core. A {@link SerialExecutor} built
 * on a pool submits each of its steps as a burst; {@link #run} is a stand-alone burst of known
 * length (a goroutine that works, then something happens at the end).
 *
 * <p>Hardware threads ({@link CpuSpec}): a burst that starts while more threads are busy than the
 * machine has physical cores may share its core, and then runs at {@code smtGain / 2} of its solo
 * speed; it runs at the mean speed over the busy threads ({@link #speedNow}). {@link #wallNanos}
 * turns a burst's work into the time it occupies its thread.
 *
 * <p>Every core's free instant is known at all times (a burst's length is decided within the
 * event that starts it), so the pool schedules one event only while bursts wait: the instant the
 * next core frees up.
 */
public final class CpuPool {
    private static final EventKind DISPATCH = EventKind.named("cpu.dispatch");
    private static final EventKind BURST_END = EventKind.named("cpu.burst-end");

    /** Code that runs on a core at the instant it gets one. */
    @FunctionalInterface
    public interface Burst {
        /**
         * Runs now, on a core; returns how long it occupies the core, in nanoseconds: the work it
         * did at solo speed passed through {@link #wallNanos}.
         */
        long runNow();
    }

    private final Scheduler scheduler;
    private final long key;
    private final long[] freeAt;
    private final CpuSpec spec;
    /** Speed of the burst running now, in thousandths of solo speed (set as each burst starts). */
    private int speedPermille = 1000;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    /** Woken loops: they run before {@link #queue}. */
    private final ArrayDeque<Waiting> next = new ArrayDeque<>();
    private boolean dispatchArmed;
    /** Bursts running right now (a burst may start another on a free core): no dispatch is armed meanwhile. */
    private int startingDepth;
    private long busyNanos;
    private long waitNanos;
    private long bursts;

    private record Waiting(Burst burst, long sinceNanos) {
    }

    /** {@code cores} threads that never share a core. */
    public CpuPool(Scheduler scheduler, String name, int cores) {
        this(scheduler, name, new CpuSpec(cores, 1, 1));
    }

    /** @param name the machine (names its events in the fingerprint) */
    public CpuPool(Scheduler scheduler, String name, CpuSpec spec) {
        this.scheduler = scheduler;
        this.key = Hashing.fnv1a64("cpu/" + name);
        this.spec = spec;
        this.freeAt = new long[spec.cpus()];
    }

    /** Hardware threads. */
    public int cores() {
        return freeAt.length;
    }

    public CpuSpec spec() {
        return spec;
    }

    /**
     * How long {@code workNanos} of solo-speed work occupies the thread of the burst running now
     * (longer when it shares its core). Call from inside {@link Burst#runNow()}.
     */
    public long wallNanos(long workNanos) {
        return speedPermille == 1000 ? workNanos : workNanos * 1000 / speedPermille;
    }

    /** Runs {@code burst} on a core now if one is free and nobody waits, else when its turn comes (FIFO). */
    public void submit(Burst burst) {
        enqueue(burst, queue);
    }

    /**
     * Runs {@code burst} on a core now if one is free, else before every burst queued by {@link #submit}
     * (a goroutine readied by a channel hand-off runs next); among themselves such bursts are FIFO.
     */
    public void submitNext(Burst burst) {
        enqueue(burst, next);
    }

    private void enqueue(Burst burst, ArrayDeque<Waiting> into) {
        long now = scheduler.nowNanos();
        if (waiting() == 0) {
            int core = earliestCore();
            if (freeAt[core] <= now) {
                start(core, burst, now);
                return;
            }
        }
        into.addLast(new Waiting(burst, now));
        armDispatch();
    }

    /**
     * A burst of {@code cpuNanos} that starts when a core is free; {@code then} runs as its own
     * event at the end of the burst.
     *
     * @param eventKey identifies the burst's end in the fingerprint (a request id, a node)
     */
    public void run(long cpuNanos, long eventKey, Runnable then) {
        if (cpuNanos < 0) {
            throw new IllegalArgumentException("negative CPU time: " + cpuNanos);
        }
        submit(() -> {
            long wall = wallNanos(cpuNanos);
            scheduler.scheduleAt(scheduler.nowNanos() + wall, BURST_END, key ^ eventKey, then::run);
            return wall;
        });
    }

    /** Nanoseconds threads were occupied by bursts so far (stretched when they shared a core). */
    public long busyNanos() {
        return busyNanos;
    }

    /** Nanoseconds bursts waited for a core, summed over the bursts that started. */
    public long waitNanos() {
        return waitNanos;
    }

    /** Bursts started so far. */
    public long bursts() {
        return bursts;
    }

    /** Bursts waiting for a core now. */
    public int waiting() {
        return queue.size() + next.size();
    }

    private void start(int core, Burst burst, long since) {
        long now = scheduler.nowNanos();
        freeAt[core] = Long.MAX_VALUE; // a burst that submits another must not be given its own core
        startingDepth++;
        int outerSpeed = speedPermille;
        speedPermille = speedNow(now);
        long cpu;
        try {
            cpu = burst.runNow();
        } finally {
            startingDepth--;
            speedPermille = outerSpeed;
        }
        if (cpu < 0) {
            throw new IllegalArgumentException("negative CPU time: " + cpu);
        }
        freeAt[core] = now + cpu;
        busyNanos += cpu;
        waitNanos += now - since;
        bursts++;
        armDispatch(); // a burst may have queued others while its own core's end was not known yet
    }

    private void armDispatch() {
        if (dispatchArmed || startingDepth > 0 || waiting() == 0) {
            return;
        }
        dispatchArmed = true;
        long at = Math.max(scheduler.nowNanos(), freeAt[earliestCore()]);
        scheduler.scheduleAt(at, DISPATCH, key, this::dispatch);
    }

    private void dispatch() {
        dispatchArmed = false;
        long now = scheduler.nowNanos();
        while (waiting() > 0) {
            int core = earliestCore();
            if (freeAt[core] > now) {
                break;
            }
            Waiting w = next.isEmpty() ? queue.pollFirst() : next.pollFirst();
            start(core, w.burst(), w.sinceNanos());
        }
        armDispatch();
    }

    /**
     * The mean speed of a burst starting now: with {@code b} threads busy (this burst's included) on
     * {@code p} cores, {@code b - p} cores run two threads (each at {@code smtGain / 2}) and the rest one,
     * as an SMT-aware kernel spreads threads over idle cores first; a burst is equally likely on any of
     * the busy threads: {@code ((2p - b) + (b - p) * smtGain) / b}.
     */
    private int speedNow(long now) {
        int p = spec.physicalCores();
        if (spec.threadsPerCore() == 1) {
            return 1000;
        }
        int busy = 0;
        for (long t : freeAt) {
            if (t > now) {
                busy++;
            }
        }
        if (busy <= p) {
            return 1000;
        }
        double shared = busy - p;
        return (int) Math.round(1000 * ((2.0 * p - busy) + shared * spec.smtGain()) / busy);
    }

    private int earliestCore() {
        int best = 0;
        for (int c = 1; c < freeAt.length; c++) {
            if (freeAt[c] < freeAt[best]) {
                best = c;
            }
        }
        return best;
    }
}
