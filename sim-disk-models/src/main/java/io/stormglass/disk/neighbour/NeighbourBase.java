package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.storage.BlockDevice;

/** What every neighbour holds: its name (issuer label, timeline source), its device and the run's environment. */
abstract class NeighbourBase implements Neighbour {
    protected final String name;
    protected final BlockDevice device;
    protected final DiskEnv env;
    /** The fingerprint key of this neighbour's events. */
    protected final long key;

    NeighbourBase(String name, BlockDevice device, DiskEnv env) {
        this.name = name;
        this.device = device;
        this.env = env;
        this.key = Hashing.fnv1a64(name);
    }

    /** Marks the start or end of a span of this neighbour's activity on the timeline, naming its device. */
    protected final void mark(String label, boolean begins) {
        Neighbours.mark(env, name, device.name(), label, begins);
    }

    @Override
    public final String name() {
        return name;
    }
}
