package io.stormglass.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A one-shot result that arrives later on the simulation loop, such as an I/O completion.
 *
 * <p>Not a {@code Future}: nothing ever waits on it by blocking a thread. Callbacks registered
 * before completion run synchronously, in registration order, inside {@link #complete}; a
 * callback registered after completion runs at once.
 */
public final class Completion<T> {
    private boolean done;
    private T value;
    private List<Consumer<? super T>> callbacks;

    /** Completes with {@code result}; a second completion is an error. */
    public void complete(T result) {
        if (done) {
            throw new IllegalStateException("completed twice");
        }
        done = true;
        value = result;
        List<Consumer<? super T>> pending = callbacks;
        callbacks = null;
        if (pending != null) {
            for (Consumer<? super T> callback : pending) {
                callback.accept(result);
            }
        }
    }

    public boolean isDone() {
        return done;
    }

    /** The result; only valid once {@link #isDone()}. */
    public T value() {
        if (!done) {
            throw new IllegalStateException("not completed yet");
        }
        return value;
    }

    /** Runs {@code callback} with the result once it is there. */
    public void whenDone(Consumer<? super T> callback) {
        if (done) {
            callback.accept(value);
            return;
        }
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(callback);
    }

    /** An already completed instance. */
    public static <T> Completion<T> of(T result) {
        Completion<T> c = new Completion<>();
        c.complete(result);
        return c;
    }
}
