package io.stormglass.raft.check.safety;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.net.MessageHandler;
import io.stormglass.engine.net.Transport;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.server.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test network between members (ids below {@link #FIRST_CLIENT}) and clients: a base latency
 * with per-link FIFO order, and switchable faults: loss, duplication of peer traffic (a client's
 * TCP stream never duplicates a request), extra random delay that reorders, and partitions (full,
 * one-way, flapping) between members. Clients reach every member, as in Jepsen's setups, so a
 * client can still talk to a member cut off from its peers.
 */
final class FaultyNetwork implements Transport<Wire> {
    static final int FIRST_CLIENT = 1000;
    private static final EventKind DELIVER = EventKind.named("test.net.deliver");
    private static final long BASE_LATENCY_NANOS = 200_000L;
    private static final long BASE_JITTER_NANOS = 300_000L;

    /** An active partition: {@code side} cannot reach the rest (and, unless one-way, the rest cannot reach it). */
    record Cut(List<Integer> side, boolean oneWay, long periodNanos, long sinceNanos) {
        boolean blocks(int from, int to, long now) {
            if (from >= FIRST_CLIENT || to >= FIRST_CLIENT) {
                return false;
            }
            if (periodNanos > 0 && ((now - sinceNanos) / periodNanos) % 2 == 1) {
                return false; // flapping: healed during odd periods
            }
            boolean fromIn = side.contains(from);
            boolean toIn = side.contains(to);
            return oneWay ? fromIn && !toIn : fromIn != toIn;
        }
    }

    private final Scheduler scheduler;
    private final SimRandom random;
    private final Map<Integer, MessageHandler<Wire>> handlers = new TreeMap<>();
    private final Map<Long, Long> lastDelivery = new TreeMap<>();
    private final List<Cut> cuts = new ArrayList<>();
    private final List<Integer> dropPercents = new ArrayList<>();
    private final List<Integer> duplicatePercents = new ArrayList<>();
    private final List<Integer> delayMaxMs = new ArrayList<>();
    private long sent;
    private long dropped;
    private long duplicated;

    FaultyNetwork(Scheduler scheduler, SimRandom random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    @Override
    public void send(int from, int to, Wire message) {
        sent++;
        long now = scheduler.nowNanos();
        for (Cut c : cuts) {
            if (c.blocks(from, to, now)) {
                dropped++;
                return;
            }
        }
        if (random.nextInt(100) < max(dropPercents)) {
            dropped++;
            return;
        }
        deliverLater(from, to, message, now);
        boolean peer = from < FIRST_CLIENT && to < FIRST_CLIENT;
        if (peer && random.nextInt(100) < max(duplicatePercents)) {
            duplicated++;
            deliverLater(from, to, message, now);
        }
    }

    private void deliverLater(int from, int to, Wire message, long now) {
        long at = now + BASE_LATENCY_NANOS + random.nextLong(BASE_JITTER_NANOS);
        int extraMs = max(delayMaxMs);
        long link = ((long) from << 32) | to;
        if (extraMs > 0) {
            at += random.nextLong(extraMs * 1_000_000L);
        } else {
            at = Math.max(at, lastDelivery.getOrDefault(link, 0L)); // TCP-like order per link
        }
        lastDelivery.merge(link, at, Math::max);
        scheduler.scheduleAt(at, DELIVER, to, () -> {
            MessageHandler<Wire> h = handlers.get(to);
            if (h != null) {
                h.onMessage(from, message);
            }
        });
    }

    @Override
    public void register(int node, MessageHandler<Wire> handler) {
        handlers.put(node, handler);
    }

    @Override
    public void unregister(int node) {
        handlers.remove(node);
    }

    void addCut(Cut cut) {
        cuts.add(cut);
    }

    void removeCut(Cut cut) {
        cuts.remove(cut);
    }

    void addDrop(int percent) {
        dropPercents.add(percent);
    }

    void removeDrop(int percent) {
        dropPercents.remove(Integer.valueOf(percent));
    }

    void addDuplicate(int percent) {
        duplicatePercents.add(percent);
    }

    void removeDuplicate(int percent) {
        duplicatePercents.remove(Integer.valueOf(percent));
    }

    void addDelay(int maxMs) {
        delayMaxMs.add(maxMs);
    }

    void removeDelay(int maxMs) {
        delayMaxMs.remove(Integer.valueOf(maxMs));
    }

    /** Removes every fault. */
    void heal() {
        cuts.clear();
        dropPercents.clear();
        duplicatePercents.clear();
        delayMaxMs.clear();
    }

    long sentMessages() {
        return sent;
    }

    long droppedMessages() {
        return dropped;
    }

    long duplicatedMessages() {
        return duplicated;
    }

    private static int max(List<Integer> values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
