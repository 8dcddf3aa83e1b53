package io.stormglass.disk.trace;

import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;

/**
 * Sees every request a device is given and its completion, for tools that explain a run (which
 * I/O was queued ahead of a slow fdatasync, and whose it was). Calls happen on the simulation loop
 * at the instant of the submission or completion; they must not change the simulation.
 */
public interface IoObserver {
    /** {@code request} entered {@code device} at {@code nowNanos}. */
    void submitted(String device, IoRequest request, long nowNanos);

    /** {@code request} left {@code device}; {@code result} carries its submission and completion times. */
    void completed(String device, IoRequest request, IoResult result);

    /** Sees nothing: devices are not wrapped at all. */
    IoObserver NONE = new IoObserver() {
        @Override
        public void submitted(String device, IoRequest request, long nowNanos) {
        }

        @Override
        public void completed(String device, IoRequest request, IoResult result) {
        }
    };
}
