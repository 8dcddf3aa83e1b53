package io.stormglass.disk.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.ArrayDeque;
import java.util.function.LongUnaryOperator;

/**
 * A FIFO queue in front of {@code channels} identical servers (a disk head, the channels of a
 * flash controller). A job's service time is decided when it reaches a server, not when it is
 * queued, so that position-dependent models (rotation, seek) see the device state of that
 * instant. Jobs start in arrival order; with one channel they also finish in arrival order.
 */
public final class ServiceQueue {
    /** One unit of work on a server. */
    public interface Job {
        /** Called when a server takes the job at {@code nowNanos}; returns the service time in nanoseconds. */
        long startService(long nowNanos);

        /** Called on the simulation loop when service ends. */
        void finished();
    }

    private final Scheduler scheduler;
    private final EventKind kind;
    private final long key;
    private final int channels;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private int busy;

    public ServiceQueue(Scheduler scheduler, EventKind kind, long key, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a service queue needs at least one channel: " + channels);
        }
        this.scheduler = scheduler;
        this.kind = kind;
        this.key = key;
        this.channels = channels;
    }

    /** Queues a job; it starts at once if a channel is free (its completion is always a later event). */
    public void add(Job job) {
        if (busy < channels) {
            start(job);
        } else {
            waiting.addLast(job);
        }
    }

    /**
     * Queues a job given as its service-time function (called when a channel takes it, with the
     * current time) and what to run when service ends.
     */
    public void add(LongUnaryOperator serviceNanosAt, Runnable finished) {
        add(new Job() {
            @Override
            public long startService(long nowNanos) {
                return serviceNanosAt.applyAsLong(nowNanos);
            }

            @Override
            public void finished() {
                finished.run();
            }
        });
    }

    /** Jobs waiting for a channel (not counting those in service). */
    public int waiting() {
        return waiting.size();
    }

    /** Jobs in service. */
    public int inService() {
        return busy;
    }

    private void start(Job job) {
        busy++;
        long serviceNanos = Math.max(0, job.startService(scheduler.nowNanos()));
        scheduler.schedule(serviceNanos, kind, key, () -> {
            busy--;
            job.finished();
            Job next = waiting.pollFirst();
            if (next != null) {
                start(next);
            }
        });
    }
}
