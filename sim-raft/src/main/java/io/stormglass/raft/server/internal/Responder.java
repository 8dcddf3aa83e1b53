package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.RequestStage;
import io.stormglass.raft.server.Wire;

/**
 * Answers clients' requests, as etcd's gRPC handlers return: a request answered more than 300 ms
 * after it arrived logs {@code request stats}, as etcd's interceptor does. A write is answered when
 * its entry is applied on the member it was proposed to ({@link #answerProposal}), or when its
 * deadline in {@link ProposalWaits} passes.
 */
final class Responder {
    private final Scheduler scheduler;
    private final ProposalWaits waits;
    private final Outbox outbox;
    private final MemberLog log;
    private final MemberObserver observer;
    private final int member;

    Responder(Scheduler scheduler, ProposalWaits waits, Outbox outbox, MemberLog log, MemberObserver observer, int member) {
        this.observer = observer;
        this.member = member;
        this.scheduler = scheduler;
        this.waits = waits;
        this.outbox = outbox;
        this.log = log;
    }

    /**
     * Sends {@code reply} to request {@code requestId} of {@code to}, which arrived at {@code startNanos}:
     * the handler goroutine was woken to answer, so the reply's CPU is a burst of its own.
     */
    void answer(long startNanos, String kind, int to, long requestId, Wire.ClientReply reply) {
        logIfSlow(startNanos, kind, reply);
        observer.requestStage(member, requestId, RequestStage.ANSWERED);
        outbox.reply(to, requestId, reply);
    }

    /** As {@link #answer}, for a handler that spent the reply's CPU in the burst that produced it ({@link Outbox#replyNanos}). */
    void answerSpent(long startNanos, String kind, int to, long requestId, Wire.ClientReply reply) {
        logIfSlow(startNanos, kind, reply);
        observer.requestStage(member, requestId, RequestStage.ANSWERED);
        outbox.replySpent(to, requestId, reply);
    }

    private void logIfSlow(long startNanos, String kind, Wire.ClientReply reply) {
        long took = scheduler.nowNanos() - startNanos;
        if (took > MemberConfig.SLOW_REQUEST_NANOS) {
            log.warn("request stats", took, "time spent", GoDuration.format(took), "request type", kind,
                    "response", reply instanceof Wire.ClientReply.Error e ? "error: " + e.message() : "ok");
        }
    }

    /** A proposal was applied: answers its request if it waits on this member. */
    void answerProposal(long requestId, Wire.ClientReply reply) {
        ProposalWaits.Waiter w = waits.take(requestId);
        if (w != null) {
            answer(w.startNanos(), "write", w.replyTo(), requestId, reply);
        }
    }
}
