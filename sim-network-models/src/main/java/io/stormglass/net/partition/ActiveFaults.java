package io.stormglass.net.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network faults active right now, as the network consults them on every send and delivery.
 * Faults are kept in activation order; the same fault may be active more than once (two
 * overlapping schedule entries), and stays in effect until each activation is healed.
 */
public final class ActiveFaults {
    /** Told of every change, after it took effect. */
    public interface Listener {
        void faultsChanged(NetworkFault fault, boolean active);
    }

    private final Map<Long, NetworkFault> active = new TreeMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private long nextId = 1;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Switches {@code fault} on; returns the id to {@link #heal(long)} it with. */
    public long activate(NetworkFault fault) {
        long id = nextId++;
        active.put(id, fault);
        for (Listener l : listeners) {
            l.faultsChanged(fault, true);
        }
        return id;
    }

    /** Switches off the activation {@code id}; false if it was not active. */
    public boolean heal(long id) {
        NetworkFault fault = active.remove(id);
        if (fault == null) {
            return false;
        }
        for (Listener l : listeners) {
            l.faultsChanged(fault, false);
        }
        return true;
    }

    /** True if any active fault blocks the directed path. */
    public boolean blocks(int from, int to) {
        if (active.isEmpty()) {
            return false; // the common case, on every send: no iterator
        }
        for (NetworkFault f : active.values()) {
            if (f.blocks(from, to)) {
                return true;
            }
        }
        return false;
    }

    /** True if any active fault drops a message of {@code trafficClass} on the directed path (see {@link NetworkFault#drops}). */
    public boolean drops(int from, int to, io.stormglass.engine.net.TrafficClass trafficClass) {
        if (active.isEmpty()) {
            return false;
        }
        for (NetworkFault f : active.values()) {
            if (f.drops(from, to, trafficClass)) {
                return true;
            }
        }
        return false;
    }

    /** The total clog delay on the directed path now, in nanoseconds (overlapping clogs add up). */
    public long clogNanos(int from, int to) {
        if (active.isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (NetworkFault f : active.values()) {
            sum += f.clogNanos(from, to);
        }
        return sum;
    }

    /** The highest loss chance any active fault puts on the path, in ppm (overlapping faults do not compound). */
    public long lossPpm(int from, int to) {
        long most = 0;
        for (NetworkFault f : active.values()) {
            most = Math.max(most, f.lossPpm(from, to));
        }
        return most;
    }

    /** The highest duplication chance any active fault puts on the path, in ppm. */
    public long duplicatePpm(int from, int to) {
        long most = 0;
        for (NetworkFault f : active.values()) {
            most = Math.max(most, f.duplicatePpm(from, to));
        }
        return most;
    }

    /** The largest reordering delay bound any active fault puts on the path, in nanoseconds. */
    public long reorderDelayMaxNanos(int from, int to) {
        long most = 0;
        for (NetworkFault f : active.values()) {
            most = Math.max(most, f.reorderDelayMaxNanos(from, to));
        }
        return most;
    }

    /** The active faults by activation id, in activation order (a copy). */
    public Map<Long, NetworkFault> activeById() {
        return Collections.unmodifiableMap(new TreeMap<>(active));
    }

    /** The active faults in activation order. */
    public List<NetworkFault> active() {
        return Collections.unmodifiableList(new ArrayList<>(active.values()));
    }

    public boolean isEmpty() {
        return active.isEmpty();
    }
}
