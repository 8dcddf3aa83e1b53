package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.CpuPool;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.raft.server.CpuCosts;
import java.util.function.BooleanSupplier;

/**
 * A member's machine: its cores ({@link CpuPool}, or none when every thread has a core of its
 * own) and its CPU costs. Builds the member's threads on the cores and runs the short-lived work
 * of goroutines (a gRPC handler, a reply) as bursts on them. A burst that ends after the member
 * died does nothing.
 */
final class MemberCpu {
    private static final EventKind BURST = EventKind.named("member.cpu-burst");

    private final Scheduler scheduler;
    private final CpuCosts costs;
    private final CpuPool pool;
    private final BooleanSupplier alive;

    MemberCpu(Scheduler scheduler, String label, CpuCosts costs, BooleanSupplier alive) {
        this.alive = alive;
        this.scheduler = scheduler;
        this.costs = costs;
        this.pool = costs.cores() == null ? null : new CpuPool(scheduler, label, costs.cores());
    }

    CpuCosts costs() {
        return costs;
    }

    /** A thread of the member, on its cores. */
    SerialExecutor thread(String name) {
        return new SerialExecutor(scheduler, name, pool);
    }

    /**
     * A goroutine's work of {@code nanos}, then {@code then} at its end. Without a core limit the work
     * still takes its time; work of no time at all runs {@code then} at once (as before CPU was modelled).
     */
    void burst(long nanos, long key, Runnable then) {
        if (pool != null) {
            pool.run(nanos, key, () -> ifAlive(then));
        } else if (nanos > 0) {
            scheduler.schedule(nanos, BURST, key, () -> ifAlive(then));
        } else {
            then.run();
        }
    }

    private void ifAlive(Runnable then) {
        if (alive.getAsBoolean()) {
            then.run();
        }
    }

    /** Thread-nanoseconds the machine's cores were busy (0 without a core limit). */
    long busyNanos() {
        return pool == null ? 0 : pool.busyNanos();
    }

    /** Hardware threads (0 without a core limit). */
    int cores() {
        return pool == null ? 0 : pool.cores();
    }
}
