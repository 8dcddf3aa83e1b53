package io.stormglass.engine.exec;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.event.EventAction;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One thread of a simulated process (DESIGN.md §3): tasks run one at a time in FIFO order, a
 * task may charge CPU time and may wait for a {@link Completion}; while it waits, the executor
 * runs nothing else and its queue waits behind it. This is how a slow fsync blocks a member's
 * raft loop.
 *
 * <p>Each step of a task runs as its own event at the virtual instant the executor gets to it.
 * On a {@link CpuPool} (the machine's cores), a step runs only once it has a core (ahead of
 * queued short-lived bursts: {@link CpuPool#submitNext}), and keeps the core for the CPU time it
 * charges: a busy machine delays every thread's steps. Without a pool
 * every executor has a core of its own.
 * {@link #kill()} models a crash: the queue is dropped and anything in flight is abandoned (late
 * completions of abandoned waits are ignored).
 */
public final class SerialExecutor {
    private static final EventKind STEP = EventKind.named("executor.step");

    private final Scheduler scheduler;
    private final CpuPool cores;
    private final String name;
    private final long key;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final Context context = new Context();
    /** Starts the next queued task, for the current epoch (replaced by {@link #kill()}): one object, not three lambdas per step. */
    private StartNext startNext = new StartNext(0);

    /** True from the moment a step is scheduled or running until the executor is idle again. */
    private boolean active;
    /** Incremented by {@link #kill()}; callbacks from an older epoch are ignored. */
    private int epoch;
    private long blockedNanos;
    private long cpuNanos;
    private long tasksRun;
    private long blockedSinceNanos = -1;
    /** End of the CPU time charged by the last step that left the queue empty. */
    private long busyUntilNanos;

    /** An executor with a core of its own. */
    public SerialExecutor(Scheduler scheduler, String name) {
        this(scheduler, name, null);
    }

    /**
     * An executor whose steps run on {@code cores}, shared with the machine's other threads.
     *
     * @param cores the machine's cores, or null for a core of its own
     */
    public SerialExecutor(Scheduler scheduler, String name, CpuPool cores) {
        this.scheduler = scheduler;
        this.name = name;
        this.key = Hashing.fnv1a64(name);
        this.cores = cores;
    }

    public String name() {
        return name;
    }

    /** Queues {@code task}; it runs after every task queued before it has finished. */
    public void execute(Task task) {
        queue.addLast(task);
        if (!active) {
            active = true;
            scheduler.scheduleAt(Math.max(scheduler.nowNanos(), busyUntilNanos), STEP, key, startNext);
        }
    }

    /** True while a task runs, waits or burns CPU, or tasks are queued. */
    public boolean isBusy() {
        return active || scheduler.nowNanos() < busyUntilNanos;
    }

    /** True while the running task waits for a completion or sleeps. */
    public boolean isBlocked() {
        return blockedSinceNanos >= 0;
    }

    public int queuedTasks() {
        return queue.size();
    }

    public long tasksRun() {
        return tasksRun;
    }

    /** CPU nanoseconds charged by tasks so far. */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** Nanoseconds spent blocked in {@code await} or {@code sleep}, completed waits only. */
    public long blockedNanos() {
        return blockedNanos;
    }

    /** Drops queued tasks and abandons the running one, as a process crash does. */
    public void kill() {
        epoch++;
        startNext = new StartNext(epoch);
        queue.clear();
        active = false;
        blockedSinceNanos = -1;
        busyUntilNanos = 0;
    }

    /** Runs the next queued task's first step; returns the CPU it charged. */
    private long startNext(int e) {
        if (e != epoch) {
            return 0;
        }
        Task next = queue.pollFirst();
        if (next == null) {
            active = false;
            return 0;
        }
        tasksRun++;
        return runStep(next, e);
    }

    /** Runs one step and arranges what follows it; returns the CPU it charged. */
    private long runStep(Task step, int e) {
        if (e != epoch) {
            return 0; // killed while the step waited for a core
        }
        Context ctx = context;
        ctx.reset(scheduler.nowNanos());
        step.run(ctx);
        if (e != epoch) {
            return 0; // the step killed its own executor
        }
        long cpu = cores == null ? ctx.cpuNanos : cores.wallNanos(ctx.cpuNanos);
        cpuNanos += cpu;
        long readyAt = ctx.startNanos + cpu;
        if (ctx.awaited != null) {
            awaitThen(ctx.awaited, ctx.awaitThen, readyAt, e);
        } else if (ctx.sleepThen != null) {
            Task then = ctx.sleepThen;
            long sleepNanos = ctx.sleepNanos;
            blockedSinceNanos = readyAt;
            scheduler.scheduleAt(readyAt + sleepNanos, STEP, key, new Wake(then, e));
        } else if (queue.isEmpty()) {
            // nothing waits: no event for the end of the CPU time; a task arriving before it starts after it
            busyUntilNanos = readyAt;
            active = false;
        } else {
            scheduler.scheduleAt(readyAt, STEP, key, startNext);
        }
        return cpu;
    }

    private <T> void awaitThen(Completion<?> awaited, Continuation<?> then, long readyAt, int e) {
        @SuppressWarnings("unchecked")
        Completion<T> completion = (Completion<T>) awaited;
        @SuppressWarnings("unchecked")
        Continuation<T> continuation = (Continuation<T>) then;
        blockedSinceNanos = scheduler.nowNanos();
        completion.whenDone(new Resume<>(continuation, readyAt, e));
    }

    private void endBlock() {
        if (blockedSinceNanos >= 0) {
            blockedNanos += scheduler.nowNanos() - blockedSinceNanos;
            blockedSinceNanos = -1;
        }
    }

    /** The step event that starts the next queued task, on a core once it has one. */
    private final class StartNext implements EventAction, CpuPool.Burst {
        private final int epoch;

        StartNext(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void fire() {
            if (cores == null) {
                startNext(epoch);
            } else {
                cores.submitNext(this); // a loop woken by a hand-off runs next, as in Go's scheduler
            }
        }

        @Override
        public long runNow() {
            return startNext(epoch);
        }
    }

    /**
     * The end of a sleep: the step event, then the continuation on a core once it has one (ahead of
     * queued bursts, as a loop woken by a hand-off runs next in Go's scheduler), in one object.
     */
    private class Wake implements EventAction, CpuPool.Burst {
        private final Task then;
        final int epoch;

        Wake(Task then, int epoch) {
            this.then = then;
            this.epoch = epoch;
        }

        /** The step to run once woken. */
        Task step() {
            return then;
        }

        @Override
        public final void fire() {
            if (epoch == SerialExecutor.this.epoch) {
                endBlock();
                if (cores == null) {
                    runNow();
                } else {
                    cores.submitNext(this);
                }
            }
        }

        @Override
        public final long runNow() {
            return runStep(step(), epoch);
        }
    }

    /**
     * A task's wait for a completion, then its continuation: the completion's callback, the step
     * event at the later of the value's arrival and the end of the CPU charged before the wait, and
     * the step itself, in one object.
     */
    private final class Resume<T> extends Wake implements Consumer<T>, Task {
        private final Continuation<T> continuation;
        private final long readyAt;
        private T value;

        Resume(Continuation<T> continuation, long readyAt, int epoch) {
            super(null, epoch);
            this.continuation = continuation;
            this.readyAt = readyAt;
        }

        @Override
        Task step() {
            return this;
        }

        @Override
        public void accept(T arrived) {
            if (epoch != SerialExecutor.this.epoch) {
                return;
            }
            value = arrived;
            scheduler.scheduleAt(Math.max(readyAt, scheduler.nowNanos()), STEP, key, this);
        }

        @Override
        public void run(TaskContext context) {
            continuation.resume(context, value);
        }
    }

    /** Reused for every step: a step's context is only valid while the step runs. */
    private static final class Context implements TaskContext {
        long startNanos;
        long cpuNanos;
        Completion<?> awaited;
        Continuation<?> awaitThen;
        Task sleepThen;
        long sleepNanos;

        void reset(long now) {
            startNanos = now;
            cpuNanos = 0;
            awaited = null;
            awaitThen = null;
            sleepThen = null;
            sleepNanos = 0;
        }

        @Override
        public long nowNanos() {
            return startNanos;
        }

        @Override
        public void chargeCpu(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("negative CPU time: " + nanos);
            }
            cpuNanos += nanos;
        }

        @Override
        public <T> void await(Completion<T> completion, Continuation<T> then) {
            checkNoContinuation();
            awaited = completion;
            awaitThen = then;
        }

        @Override
        public void sleep(long nanos, Task then) {
            if (nanos < 0) {
                throw new IllegalArgumentException("negative sleep: " + nanos);
            }
            checkNoContinuation();
            sleepNanos = nanos;
            sleepThen = then;
        }

        private void checkNoContinuation() {
            if (awaited != null || sleepThen != null) {
                throw new IllegalStateException("a step may await or sleep only once");
            }
        }
    }
}
