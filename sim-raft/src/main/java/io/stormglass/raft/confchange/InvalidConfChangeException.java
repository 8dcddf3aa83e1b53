package io.stormglass.raft.confchange;

/**
 * A configuration change that cannot be made on top of the active configuration (etcd-io/raft's
 * {@code confchange} errors, with their texts): the configuration is left unchanged.
 */
public final class InvalidConfChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidConfChangeException(String message) {
        super(message, null, false, false);
    }
}
