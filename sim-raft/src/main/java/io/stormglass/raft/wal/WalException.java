package io.stormglass.raft.wal;

/** A {@link WalError} as an exception, for callers that stop the member on it. */
public final class WalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient WalError error;

    public WalException(WalError error) {
        super(error.message());
        this.error = error;
    }

    public WalError error() {
        return error;
    }
}
