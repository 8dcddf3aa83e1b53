package io.stormglass.engine.storage;

/**
 * The completion of an I/O.
 *
 * @param status           OK or the error
 * @param submittedAtNanos virtual time the request was submitted
 * @param completedAtNanos virtual time it completed
 */
public record IoResult(IoStatus status, long submittedAtNanos, long completedAtNanos) {
    public long latencyNanos() {
        return completedAtNanos - submittedAtNanos;
    }

    public boolean isOk() {
        return status == IoStatus.OK;
    }
}
