package io.stormglass.engine.storage;

/** Receives the completion of an I/O, on the simulation loop, at the completion instant. */
@FunctionalInterface
public interface IoCallback {
    void onComplete(IoResult result);

    /**
     * The same completion, unboxed. Devices call this form, so that a callback on a hot path (a
     * replica op of a Ceph cluster, a writeback pump) may override it and skip allocating the
     * {@link IoResult} (issue 23); an override must behave as {@link #onComplete(IoResult)} would
     * with an equal result.
     */
    default void onComplete(IoStatus status, long submittedAtNanos, long completedAtNanos) {
        onComplete(new IoResult(status, submittedAtNanos, completedAtNanos));
    }
}
