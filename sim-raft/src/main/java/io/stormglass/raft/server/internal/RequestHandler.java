package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.Wire;

/**
 * etcd's gRPC handlers on one member: writes are proposed through Raft (followers' proposals are
 * forwarded by Raft to the leader) and answered when applied here, or fail after the request
 * timeout; linearizable reads go through the ReadIndex loop; serializable reads are served from
 * the local state at once; lease keepalives are served by the leader (followers forward them).
 * Every answer goes through the {@link Responder}, which logs {@code request stats} for slow ones.
 */
final class RequestHandler {
    private final Scheduler scheduler;
    private final long requestTimeoutNanos;
    private final NodeLoop nodeLoop;
    private final ProposalWaits waits;
    private final ReadIndexLoop readLoop;
    private final KvStore kv;
    private final Leadership leadership;
    private final LeaseKeeper leases;
    private final Responder responder;
    private final Outbox outbox;
    private final MemberMetrics metrics;

    RequestHandler(Scheduler scheduler, long requestTimeoutNanos, NodeLoop nodeLoop, ProposalWaits waits,
            ReadIndexLoop readLoop, KvStore kv, Leadership leadership, LeaseKeeper leases, Responder responder,
            Outbox outbox, MemberMetrics metrics) {
        this.scheduler = scheduler;
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.nodeLoop = nodeLoop;
        this.waits = waits;
        this.readLoop = readLoop;
        this.kv = kv;
        this.leadership = leadership;
        this.leases = leases;
        this.responder = responder;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    void handle(Wire.Request request) {
        Wire.ClientOp op = request.op();
        if (op instanceof Wire.ClientOp.Write w) {
            propose(request, w.command());
        } else if (op instanceof Wire.ClientOp.Read r) {
            read(request, r);
        } else if (op instanceof Wire.ClientOp.KeepAlive k) {
            keepAlive(request, k);
        }
    }

    private void propose(Wire.Request request, KvCommand command) {
        long start = scheduler.nowNanos();
        waits.register(request.requestId(), request.replyTo(), requestTimeoutNanos, (w, waited) -> {
            metrics.proposalsFailed.increment();
            responder.answer(start, "write", w.replyTo(), w.requestId(), new Wire.ClientReply.Error(EtcdErrors.REQUEST_TIMED_OUT));
        });
        byte[] data = KvCodec.encode(new KvCodec.Proposal(request.requestId(), command));
        nodeLoop.propose(data, dropped -> {
            ProposalWaits.Waiter w = waits.take(request.requestId());
            if (w != null) {
                metrics.proposalsFailed.increment();
                outbox.reply(w.replyTo(), w.requestId(), new Wire.ClientReply.Error(EtcdErrors.NO_LEADER));
            }
        });
    }

    private void read(Wire.Request request, Wire.ClientOp.Read r) {
        long start = scheduler.nowNanos();
        Runnable serve = () -> {
            KvResult.RangeResult result = kv.range(r.key(), r.rangeEnd(), 0);
            responder.answer(start, "range", request.replyTo(), request.requestId(), new Wire.ClientReply.Ok(result));
        };
        if (!r.linearizable()) {
            serve.run();
            return;
        }
        readLoop.request(new ReadIndexLoop.PendingRead(request.requestId(), serve, error ->
                responder.answer(start, "range", request.replyTo(), request.requestId(), new Wire.ClientReply.Error(error))));
    }

    private void keepAlive(Wire.Request request, Wire.ClientOp.KeepAlive k) {
        if (leadership.isLeader()) {
            Long ttl = leases.keepAlive(k.leaseId());
            outbox.reply(request.replyTo(), request.requestId(), ttl != null
                    ? new Wire.ClientReply.LeaseAlive(k.leaseId(), ttl)
                    : new Wire.ClientReply.Error(EtcdErrors.LEASE_NOT_FOUND));
        } else if (leadership.leader() != 0) {
            outbox.forward((int) leadership.leader(), request);
        } else {
            outbox.reply(request.replyTo(), request.requestId(), new Wire.ClientReply.Error(EtcdErrors.NO_LEADER));
        }
    }
}
