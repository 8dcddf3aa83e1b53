package io.stormglass.engine.exec;

/** One unit of work for a {@link SerialExecutor}: a step of a simulated thread. */
@FunctionalInterface
public interface Task {
    void run(TaskContext context);
}
