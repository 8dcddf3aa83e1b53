package io.stormglass.raft.server;

/**
 * Where a client request stands on the member that received it, as {@link MemberObserver#requestStage}
 * reports it. A write goes {@link #RECEIVED_WRITE} → {@link #PROPOSED} → (its entry written, synced,
 * replicated, committed and applied: seen through {@link MemberObserver#persisted},
 * {@link MemberObserver#stepped} and {@link MemberObserver#applied}) → {@link #ANSWERED}; a linearizable
 * read goes {@link #RECEIVED_READ} → {@link #READ_INDEX_CONFIRMED} (the ReadIndex round came back)
 * → {@link #READ_SERVED} (the member applied up to the read index) → {@link #ANSWERED}.
 */
public enum RequestStage {
    RECEIVED_WRITE,
    RECEIVED_READ,
    PROPOSED,
    READ_INDEX_CONFIRMED,
    READ_SERVED,
    /** The answer (a result or an error) left for the client. */
    ANSWERED
}
