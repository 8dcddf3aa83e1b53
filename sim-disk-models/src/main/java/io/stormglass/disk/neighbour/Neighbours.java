package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.timeline.TimelineEvent;

/** Builds neighbours from specs. */
public final class Neighbours {
    private Neighbours() {
    }

    /** A neighbour called {@code name} issuing I/O to {@code device} (not yet started). */
    public static Neighbour create(String name, NeighbourSpec spec, BlockDevice device, DiskEnv env) {
        // Java 17 has no pattern switch; NeighbourSpec is sealed, so this chain is exhaustive
        if (spec instanceof PrometheusNeighbour.Options o) {
            return new PrometheusNeighbour(name, o, device, env);
        } else if (spec instanceof PeriodicBurstNeighbour.Options o) {
            return new PeriodicBurstNeighbour(name, o, device, env);
        } else if (spec instanceof PoissonNeighbour.Options o) {
            return new PoissonNeighbour(name, o, device, env);
        } else if (spec instanceof TraceNeighbour.Options o) {
            return new TraceNeighbour(name, o, device, env);
        }
        throw new IllegalArgumentException("unknown neighbour spec " + spec);
    }

    static void mark(DiskEnv env, String source, String device, String label, boolean begins) {
        env.recorder().timeline().append(new TimelineEvent.ActivityMarked(env.scheduler().nowNanos(), source, label,
                begins, device));
    }
}
