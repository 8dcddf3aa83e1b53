package io.stormglass.disk.internal;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.ArrayDeque;
import java.util.function.LongUnaryOperator;

/**
 * A FIFO queue in front of {@code channels} identical servers (a disk head, the channels of a
 * flash controller, an OSD's op threads). An item's service time is decided when it reaches a
 * server, not when it is queued, so that position-dependent models (rotation, seek) see the device
 * state of that instant. Items start in arrival order; with one channel they also finish in
 * arrival order.
 *
 * <p>The queue allocates nothing per item: each channel is one event action, reused for every
 * item it serves, and the {@link Server} that times and finishes items is the queue's, not the
 * item's (issue 23: this queue serves every flash and OSD op of a Ceph cluster).
 *
 * @param <T> what is queued
 */
public final class ServiceQueue<T> {
    /** How the queue serves its items. */
    public interface Server<T> {
        /** Called when a channel takes {@code item} at {@code nowNanos}; returns its service time in nanoseconds. */
        long startService(T item, long nowNanos);

        /** Called on the simulation loop when service of {@code item} ends; its channel is free again. */
        void finished(T item);
    }

    /** An item that serves itself, for queues whose items differ in kind. */
    public interface Job {
        /** Called when a server takes the job at {@code nowNanos}; returns the service time in nanoseconds. */
        long startService(long nowNanos);

        /** Called on the simulation loop when service ends. */
        void finished();
    }

    private static final Server<Job> JOBS = new Server<>() {
        @Override
        public long startService(Job job, long nowNanos) {
            return job.startService(nowNanos);
        }

        @Override
        public void finished(Job job) {
            job.finished();
        }
    };

    private final Scheduler scheduler;
    private final EventKind kind;
    private final long key;
    private final Server<? super T> server;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    /** Channels not serving anything, reused last-in first-out (which one serves an item changes nothing). */
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final int channels;
    private int busy;

    public ServiceQueue(Scheduler scheduler, EventKind kind, long key, int channels, Server<? super T> server) {
        if (channels < 1) {
            throw new IllegalArgumentException("a service queue needs at least one channel: " + channels);
        }
        this.scheduler = scheduler;
        this.kind = kind;
        this.key = key;
        this.channels = channels;
        this.server = server;
    }

    /** A queue of {@link Job}s, each timing and finishing itself. */
    public static ServiceQueue<Job> ofJobs(Scheduler scheduler, EventKind kind, long key, int channels) {
        return new ServiceQueue<>(scheduler, kind, key, channels, JOBS);
    }

    /** Queues an item; it starts at once if a channel is free (its completion is always a later event). */
    public void add(T item) {
        if (busy < channels) {
            start(item);
        } else {
            waiting.addLast(item);
        }
    }

    /** Items waiting for a channel (not counting those in service). */
    public int waiting() {
        return waiting.size();
    }

    /** Items in service. */
    public int inService() {
        return busy;
    }

    private void start(T item) {
        busy++;
        Channel channel = idle.pollLast();
        if (channel == null) {
            channel = new Channel();
        }
        channel.item = item;
        long serviceNanos = Math.max(0, server.startService(item, scheduler.nowNanos()));
        scheduler.schedule(serviceNanos, kind, key, channel);
    }

    /** One server: the event that ends its current item's service. */
    private final class Channel implements EventAction {
        private T item;

        @Override
        public void fire() {
            T done = item;
            item = null;
            idle.addLast(this);
            busy--;
            server.finished(done);
            T next = waiting.pollFirst();
            if (next != null) {
                start(next);
            }
        }
    }

    /**
     * A job given as its service-time function (called when a channel takes it, with the current
     * time) and what to run when service ends, for queues off the hot path.
     */
    public static Job job(LongUnaryOperator serviceNanosAt, Runnable finished) {
        return new Job() {
            @Override
            public long startService(long nowNanos) {
                return serviceNanosAt.applyAsLong(nowNanos);
            }

            @Override
            public void finished() {
                finished.run();
            }
        };
    }
}
