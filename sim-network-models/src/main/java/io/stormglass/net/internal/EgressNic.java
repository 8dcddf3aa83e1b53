package io.stormglass.net.internal;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A node's egress NIC: serializes the head message of every busy connection at once, sharing
 * the NIC rate max-min fairly — first among links (each capped at its own bandwidth, the spare
 * going to the others), then equally among the busy connections of a link. This is the fluid
 * (processor-sharing) limit of what TCP flows through a fair-queueing qdisc get, so a heartbeat on
 * its own connection waits only for its share, while one queued behind a snapshot on the same
 * connection waits for the whole snapshot.
 *
 * <p>Rates change only when a connection becomes busy or idle; the NIC keeps one pending event,
 * the earliest projected finish. Finish times are rounded up to whole nanoseconds.
 *
 * <p>Busy connections are visited in ascending key order ({@link BusyConnections}); the event
 * action, the rate computation's scratch space and the list of finished frames are reused, so an
 * event allocates nothing on the NIC.
 */
final class EgressNic<M> {
    private static final EventKind FINISH = EventKind.named("net.nic.finish");
    private static final double NANOS_PER_SECOND = 1e9;

    private final Scheduler scheduler;
    private final int node;
    private final double bandwidthBitsPerSecond;
    private final Consumer<Frame<M>> serialized;
    private final BusyConnections<M> busy = new BusyConnections<>();
    private final FairShare fairShare = new FairShare();
    private final ToDoubleFunction<Link> capacity = this::capacityOf;
    private final EventAction finishAction = this::finish;
    /** The frames one {@link #finish()} serialized, handed on after the NIC's state is consistent again. */
    private Frame<M>[] done = newFrames(4);
    private long lastUpdateNanos;
    private long pendingEvent = Scheduler.NO_EVENT;
    private long pendingAtNanos = Long.MAX_VALUE;

    /** @param bandwidthBitsPerSecond the NIC rate; 0 = unlimited */
    EgressNic(Scheduler scheduler, int node, long bandwidthBitsPerSecond, Consumer<Frame<M>> serialized) {
        this.scheduler = scheduler;
        this.node = node;
        this.bandwidthBitsPerSecond = bandwidthBitsPerSecond == 0 ? Double.POSITIVE_INFINITY : bandwidthBitsPerSecond;
        this.serialized = serialized;
    }

    void enqueue(Frame<M> frame) {
        advance();
        Connection<M> c = frame.connection;
        if (c.enqueue(frame)) {
            busy.add(c);
        }
        reschedule();
    }

    /** Drops every queued frame matching {@code doomed} (the head's partial serialization is lost). */
    void purge(Predicate<Frame<M>> doomed, Consumer<Frame<M>> removed) {
        advance();
        for (int i = 0; i < busy.size(); i++) {
            busy.get(i).removeIf(doomed, removed);
        }
        busy.removeIdle();
        reschedule();
    }

    /** Bits served to {@code link} up to now, without changing any state. */
    double bitsServedNow(Link link) {
        double extra = 0;
        double elapsedSeconds = (scheduler.nowNanos() - lastUpdateNanos) / NANOS_PER_SECOND;
        for (int i = 0; i < busy.size(); i++) {
            Connection<M> c = busy.get(i);
            if (c.link == link && !Double.isInfinite(c.rateBitsPerSecond)) {
                extra += Math.min(c.headRemainingBits, c.rateBitsPerSecond * elapsedSeconds);
            }
        }
        return link.bitsServed + extra;
    }

    /** The rate a link can use alone: its cap, or the NIC rate if it has none; infinite if neither limits. */
    double capacityOf(Link link) {
        long cap = link.spec.bandwidthBitsPerSecond();
        return cap == 0 ? bandwidthBitsPerSecond : Math.min(cap, bandwidthBitsPerSecond);
    }

    private void finish() {
        pendingEvent = Scheduler.NO_EVENT;
        pendingAtNanos = Long.MAX_VALUE;
        advance();
        long now = scheduler.nowNanos();
        int finished = 0;
        for (int i = 0; i < busy.size(); i++) {
            Connection<M> c = busy.get(i);
            if (c.headFinishNanos <= now) {
                c.link.bitsServed += c.headRemainingBits;
                if (finished == done.length) {
                    done = Arrays.copyOf(done, finished * 2);
                }
                done[finished++] = c.popHead();
            }
        }
        busy.removeIdle();
        reschedule();
        Frame<M>[] out = done;
        for (int i = 0; i < finished; i++) {
            Frame<M> f = out[i];
            out[i] = null;
            serialized.accept(f);
        }
    }

    /** Serves every busy head at its current rate from the last update until now. */
    private void advance() {
        long now = scheduler.nowNanos();
        double seconds = (now - lastUpdateNanos) / NANOS_PER_SECOND;
        lastUpdateNanos = now;
        if (seconds == 0) {
            return;
        }
        for (int i = 0; i < busy.size(); i++) {
            Connection<M> c = busy.get(i);
            double served = Math.min(c.headRemainingBits, c.rateBitsPerSecond * seconds);
            c.headRemainingBits -= served;
            c.link.bitsServed += served;
        }
    }

    /** Recomputes the fair rates, every head's projected finish, and the one pending event. */
    private void reschedule() {
        assignRates();
        long now = scheduler.nowNanos();
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < busy.size(); i++) {
            Connection<M> c = busy.get(i);
            c.headFinishNanos = projectedFinish(now, c.headRemainingBits, c.rateBitsPerSecond);
            earliest = Math.min(earliest, c.headFinishNanos);
        }
        if (earliest == pendingAtNanos) {
            return;
        }
        scheduler.cancel(pendingEvent);
        pendingAtNanos = earliest;
        pendingEvent = earliest == Long.MAX_VALUE
                ? Scheduler.NO_EVENT
                : scheduler.scheduleAt(earliest, FINISH, node, finishAction);
    }

    private static long projectedFinish(long now, double remainingBits, double rate) {
        if (remainingBits <= 0 || Double.isInfinite(rate)) {
            return now;
        }
        double nanos = Math.ceil(remainingBits * NANOS_PER_SECOND / rate);
        return nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE - 1 : now + (long) nanos;
    }

    /** Max-min fair shares: links by ascending cap take min(cap, equal share of what is left). */
    private void assignRates() {
        if (busy.size() == 1) {
            Connection<M> only = busy.get(0);
            only.rateBitsPerSecond = capacityOf(only.link);
            return;
        }
        fairShare.assign(busy, bandwidthBitsPerSecond, capacity);
    }

    @SuppressWarnings("unchecked")
    private static <M> Frame<M>[] newFrames(int length) {
        return (Frame<M>[]) new Frame<?>[length];
    }
}
