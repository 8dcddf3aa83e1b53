package io.stormglass.engine.storage;

/** Outcome of an I/O. Errors are values: a device never throws into the event loop. */
public enum IoStatus {
    OK,
    /** Input/output error, as {@code EIO} from {@code fdatasync}. */
    EIO,
    /** No space left on the device, as {@code ENOSPC}. */
    ENOSPC;

    public boolean isOk() {
        return this == OK;
    }
}
