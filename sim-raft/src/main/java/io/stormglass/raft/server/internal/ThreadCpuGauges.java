package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import java.util.function.Supplier;

/**
 * {@code member_thread_cpu_utilisation_ratio{member,thread}}: CPU time charged on each of a
 * member's simulated threads in the last metrics window over the window's length (0..1, like a
 * per-thread {@code top}). A thread is one core at most, so 1 means that thread is the ceiling.
 * Time spent blocked in an fdatasync is not CPU and does not count. Survives restarts: a new
 * incarnation's counters start from zero and are measured from there.
 *
 * <p>One more series, {@code thread="machine"}: the member's cores, every thread and goroutine
 * together, as a share of all its hardware threads (absent when the member has no core limit).
 */
public final class ThreadCpuGauges {
    /** Thread names, in the order {@link Incarnation#cpuNanos(int)} numbers them. */
    public static final String[] THREADS = {"raft-node", "raft-loop", "apply", "backend"};
    /** The thread label of the whole machine's series. */
    public static final String MACHINE = "machine";

    private ThreadCpuGauges() {
    }

    /**
     * Registers one gauge per thread.
     *
     * @param current the running incarnation, or null while the member is down
     */
    public static void register(Recorder recorder, Clock clock, String member, Supplier<Incarnation> current,
            boolean machine) {
        if (machine) {
            Object[] last = {null, 0L, clock.nowNanos()}; // incarnation, busy nanos, sampled at
            recorder.gauge(Metric.MEMBER_THREAD_CPU_UTILISATION.id(member, MACHINE), () -> {
                Incarnation inc = current.get();
                long now = clock.nowNanos();
                long busy = inc == null ? 0 : inc.machineBusyNanos();
                long before = inc != null && inc == last[0] ? (long) last[1] : 0;
                long span = now - (long) last[2];
                last[0] = inc;
                last[1] = busy;
                last[2] = now;
                int cores = inc == null ? 1 : Math.max(1, inc.machineCores());
                return span <= 0 ? 0 : Math.min(1.0, (double) (busy - before) / span / cores);
            });
        }
        for (int t = 0; t < THREADS.length; t++) {
            int thread = t;
            Object[] last = {null, 0L, clock.nowNanos()}; // incarnation, cpu nanos, sampled at
            recorder.gauge(Metric.MEMBER_THREAD_CPU_UTILISATION.id(member, THREADS[t]), () -> {
                Incarnation inc = current.get();
                long now = clock.nowNanos();
                long cpu = inc == null ? 0 : inc.cpuNanos(thread);
                long before = inc != null && inc == last[0] ? (long) last[1] : 0;
                long span = now - (long) last[2];
                last[0] = inc;
                last[1] = cpu;
                last[2] = now;
                return span <= 0 ? 0 : Math.min(1.0, (double) (cpu - before) / span);
            });
        }
    }
}
