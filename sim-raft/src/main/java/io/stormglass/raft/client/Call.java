package io.stormglass.raft.client;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.server.Wire;

/**
 * One call of a {@link KvClient}, from the caller's start to its end: what it asks, who hears the outcome,
 * and the attempt under way (each attempt is a request of its own, with a request id of its own).
 */
final class Call {
    /** Hears how a call ended: the client's result, and the member's reply when it succeeded (else null). */
    @FunctionalInterface
    interface Outcome {
        void ended(ClientResult result, Wire.ClientReply reply);
    }

    final String opName;
    final Wire.ClientOp op;
    /** The register operation to record in the history, or null. */
    final CallRecords.Recordable recordable;
    final Outcome done;
    /** The history's process (the calling goroutine). */
    final int process;
    /** Whether the call goes into the metrics and the history. */
    final boolean recorded;
    /** The call's deadline, retries included (Go's context deadline), from its start. */
    final long timeoutNanos;
    /** The member every attempt goes to, or 0: the connection's endpoints decide (and hear of failures). */
    final int pinnedEndpoint;
    /** When the calling goroutine began the call: it is running on a core (etcd's benchmark takes its start time there). */
    long startNanos;
    long deadlineHandle = Scheduler.NO_EVENT;
    long attemptHandle = Scheduler.NO_EVENT;
    long requestId;
    long callSeq;
    int attempts;
    boolean finished;

    Call(String opName, Wire.ClientOp op, CallRecords.Recordable recordable, Outcome done, int process, boolean recorded, long timeoutNanos,
            int pinnedEndpoint, long nowNanos) {
        this.pinnedEndpoint = pinnedEndpoint;
        this.opName = opName;
        this.op = op;
        this.recordable = recordable;
        this.done = done;
        this.process = process;
        this.recorded = recorded;
        this.timeoutNanos = timeoutNanos;
        this.startNanos = nowNanos;
    }

    /** A write may have been applied even when no answer came: it is never re-sent on another endpoint. */
    boolean isWrite() {
        return op instanceof Wire.ClientOp.Write;
    }
}
