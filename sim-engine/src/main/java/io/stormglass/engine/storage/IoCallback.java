package io.stormglass.engine.storage;

/** Receives the completion of an I/O, on the simulation loop, at the completion instant. */
@FunctionalInterface
public interface IoCallback {
    void onComplete(IoResult result);
}
