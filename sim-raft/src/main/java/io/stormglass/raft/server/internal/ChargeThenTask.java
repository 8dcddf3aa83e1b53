package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Task;
import io.stormglass.engine.exec.TaskContext;

/**
 * A task of two steps on a simulated thread: it charges its CPU (encoding or decoding a message),
 * then, once that time has passed, has its one effect. The object is its own continuation, so a
 * message on a stream reader or writer costs one allocation, not a lambda per step.
 */
abstract class ChargeThenTask implements Task {
    private final long cpuNanos;
    private boolean charged;

    ChargeThenTask(long cpuNanos) {
        this.cpuNanos = cpuNanos;
    }

    /** What happens after the CPU time: the message is stepped or leaves. */
    abstract void then();

    @Override
    public final void run(TaskContext context) {
        if (charged) {
            then();
            return;
        }
        charged = true;
        context.chargeCpu(cpuNanos);
        context.sleep(0, this);
    }
}
