package io.stormglass.engine.event;

import io.stormglass.engine.event.internal.EventQueue;
import java.util.Arrays;

/**
 * The discrete-event loop: one queue of events ordered by (time, sequence), a virtual clock,
 * and a fingerprint folded over every dispatched event.
 *
 * <p>Single-threaded by design (DESIGN.md §3): a run is deterministic because nothing but this
 * loop decides what happens next. Run independent simulations in parallel, never one simulation
 * on several threads.
 *
 * <p>Handles returned by {@code schedule} encode a payload slot and that slot's generation, so a
 * stale handle (whose event already ran and whose slot was reused) cancels nothing.
 */
public final class Simulation implements Scheduler {
    /** Handles keep 31 bits of generation so that they are never negative. */
    private static final int GENERATION_MASK = 0x7fffffff;
    private static final byte FREE = 0;
    private static final byte LIVE = 1;
    private static final byte CANCELLED = 2;

    private final EventQueue queue;
    private final Fingerprint fingerprint = new Fingerprint();

    private EventAction[] actions;
    private EventKind[] kinds;
    private long[] keys;
    private int[] generations;
    /** Per slot: {@link #FREE}, {@link #LIVE} or {@link #CANCELLED}. */
    private byte[] states;
    private int[] freeSlots;
    private int freeCount;
    private int slotsInUse;
    private int liveEvents;

    private DispatchListener listener;
    private long nowNanos;
    private long nextSequence;
    private long dispatched;
    private boolean stopRequested;

    public Simulation() {
        this(1024);
    }

    public Simulation(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        queue = new EventQueue(capacity);
        actions = new EventAction[capacity];
        kinds = new EventKind[capacity];
        keys = new long[capacity];
        generations = new int[capacity];
        states = new byte[capacity];
        freeSlots = new int[capacity];
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public long scheduleAt(long atNanos, EventKind kind, long key, EventAction action) {
        if (atNanos < nowNanos) {
            throw new IllegalArgumentException(
                    "cannot schedule " + kind + " at " + atNanos + " ns: now is " + nowNanos + " ns");
        }
        if (nextSequence > EventQueue.MAX_SEQUENCE) {
            throw new IllegalStateException("event sequence exhausted after " + nextSequence + " events");
        }
        int slot = allocateSlot();
        actions[slot] = action;
        kinds[slot] = kind;
        keys[slot] = key;
        states[slot] = LIVE;
        queue.push(atNanos, nextSequence++, slot);
        liveEvents++;
        return ((long) (generations[slot] & GENERATION_MASK) << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        if (handle < 0) {
            return false;
        }
        int slot = (int) handle;
        int generation = (int) (handle >>> 32);
        if (slot >= slotsInUse || (generations[slot] & GENERATION_MASK) != generation || states[slot] != LIVE) {
            return false;
        }
        states[slot] = CANCELLED;
        liveEvents--;
        return true;
    }

    /**
     * Runs the next live event, advancing the clock to its time.
     *
     * @return false if no live event was pending
     */
    public boolean step() {
        while (!queue.isEmpty()) {
            long time = queue.peekTime();
            int slot = queue.peekSlot();
            queue.pop();
            if (states[slot] == CANCELLED) {
                releaseSlot(slot);
                continue;
            }
            dispatch(time, slot);
            return true;
        }
        return false;
    }

    /**
     * Runs every event whose time is at most {@code endNanos}, then sets the clock to
     * {@code endNanos}, unless {@link #stop()} was called first (the clock then stays at the
     * last event's time).
     */
    public void runUntil(long endNanos) {
        if (endNanos < nowNanos) {
            throw new IllegalArgumentException("cannot run back to " + endNanos + " ns from " + nowNanos + " ns");
        }
        stopRequested = false;
        while (!stopRequested && !queue.isEmpty()) {
            long time = queue.peekTime();
            if (time > endNanos) {
                break;
            }
            int slot = queue.peekSlot();
            queue.pop();
            if (states[slot] == CANCELLED) {
                releaseSlot(slot);
                continue;
            }
            dispatch(time, slot);
        }
        if (!stopRequested) {
            nowNanos = endNanos;
        }
    }

    /** Runs for {@code durationNanos} of virtual time from now. */
    public void runFor(long durationNanos) {
        runUntil(Math.addExact(nowNanos, durationNanos));
    }

    /** Runs until no live event is pending or {@link #stop()} is called. */
    public void run() {
        stopRequested = false;
        while (!stopRequested && step()) {
            // each step dispatches one event
        }
    }

    /** Makes the current {@code run*} call return after the event that is running now. */
    public void stop() {
        stopRequested = true;
    }

    /** Number of events dispatched so far (cancelled ones excluded). */
    public long dispatchedEvents() {
        return dispatched;
    }

    /** Number of scheduled events that have neither run nor been cancelled. */
    public int pendingEvents() {
        return liveEvents;
    }

    /** Sets the one listener that sees every dispatched event from now on (null for none). */
    public void setDispatchListener(DispatchListener listener) {
        this.listener = listener;
    }

    /** The fingerprint of every event dispatched so far. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    private void dispatch(long time, int slot) {
        EventAction action = actions[slot];
        EventKind kind = kinds[slot];
        long key = keys[slot];
        releaseSlot(slot);
        liveEvents--;
        nowNanos = time;
        if (listener != null) {
            listener.dispatched(dispatched, time, kind, key);
        }
        dispatched++;
        fingerprint.fold(time, kind.stableHash(), key);
        try {
            action.fire();
        } catch (RuntimeException | Error e) {
            if (e instanceof SimulationException) {
                throw e;
            }
            throw new SimulationException(
                    "event " + kind + " (key " + key + ") failed at " + time + " ns: " + e, e);
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsInUse == actions.length) {
            if (slotsInUse == EventQueue.MAX_SLOTS) {
                throw new IllegalStateException("more than " + EventQueue.MAX_SLOTS + " events pending");
            }
            int capacity = Math.min(EventQueue.MAX_SLOTS, actions.length * 2);
            actions = Arrays.copyOf(actions, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            keys = Arrays.copyOf(keys, capacity);
            generations = Arrays.copyOf(generations, capacity);
            states = Arrays.copyOf(states, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsInUse++;
    }

    /**
     * Frees a slot. The action reference is left in place (it is overwritten on reuse): nulling it
     * would cost a GC write barrier per event, and at most one stale reference per slot remains.
     */
    private void releaseSlot(int slot) {
        states[slot] = FREE;
        generations[slot]++;
        freeSlots[freeCount++] = slot;
    }
}
