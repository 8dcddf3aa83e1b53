package io.stormglass.raft;

/**
 * A proposal (or leadership request) was not accepted and will not be retried by the core: there is
 * no known leader, forwarding is disabled, a leadership transfer is in progress, or the uncommitted
 * log is over its size limit (etcd's {@code ErrProposalDropped}). The caller may retry later.
 */
public final class ProposalDroppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it was dropped. */
    public enum Reason {
        NO_LEADER,
        FORWARDING_DISABLED,
        TRANSFER_IN_PROGRESS,
        UNCOMMITTED_SIZE_LIMIT,
        NOT_A_MEMBER
    }

    private final Reason reason;

    public ProposalDroppedException(Reason reason, String detail) {
        super("raft proposal dropped: " + reason + " (" + detail + ")", null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
