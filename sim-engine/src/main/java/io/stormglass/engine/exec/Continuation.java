package io.stormglass.engine.exec;

/** The rest of a task after it waited for a {@link Completion}. */
@FunctionalInterface
public interface Continuation<T> {
    void resume(TaskContext context, T value);
}
