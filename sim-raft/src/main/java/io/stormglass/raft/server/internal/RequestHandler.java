package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.Wire;

/**
 * etcd's gRPC handlers on one member: writes are proposed through Raft (followers' proposals are
 * forwarded by Raft to the leader) and answered when applied here, or fail after the request
 * timeout; linearizable reads go through the ReadIndex loop; serializable reads are served from
 * the local state at once; lease keepalives are served by the leader (followers forward them).
 * A request answered more than 300 ms after it arrived logs {@code request stats}.
 */
final class RequestHandler {
    private final Incarnation m;

    RequestHandler(Incarnation m) {
        this.m = m;
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
        long start = m.scheduler.nowNanos();
        m.waits.register(request.requestId(), request.replyTo(), m.config.requestTimeoutNanos(), (w, waited) -> {
            m.metrics.proposalsFailed.increment();
            Wire.ClientReply timeout = new Wire.ClientReply.Error(EtcdErrors.REQUEST_TIMED_OUT);
            replied(start, "write", timeout);
            m.reply(w.replyTo(), w.requestId(), timeout);
        });
        byte[] data = KvCodec.encode(new KvCodec.Proposal(request.requestId(), command));
        m.nodeLoop.propose(data, dropped -> {
            ProposalWaits.Waiter w = m.waits.take(request.requestId());
            if (w != null) {
                m.metrics.proposalsFailed.increment();
                m.reply(w.replyTo(), w.requestId(), new Wire.ClientReply.Error(EtcdErrors.NO_LEADER));
            }
        });
    }

    /** Proposes a command of the member's own (a lease revocation), answered to nobody. */
    void proposeInternal(KvCommand command) {
        m.nodeLoop.propose(KvCodec.encode(new KvCodec.Proposal(m.nextInternalRequestId(), command)), dropped -> { });
    }

    private void read(Wire.Request request, Wire.ClientOp.Read r) {
        long start = m.scheduler.nowNanos();
        Runnable serve = () -> {
            KvResult.RangeResult result = m.applier.kv().range(r.key(), r.rangeEnd(), 0);
            Wire.ClientReply reply = new Wire.ClientReply.Ok(result);
            replied(start, "range", reply);
            m.reply(request.replyTo(), request.requestId(), reply);
        };
        if (!r.linearizable()) {
            serve.run();
            return;
        }
        m.readLoop.request(new ReadIndexLoop.PendingRead(request.requestId(), serve, error -> {
            Wire.ClientReply reply = new Wire.ClientReply.Error(error);
            replied(start, "range", reply);
            m.reply(request.replyTo(), request.requestId(), reply);
        }));
    }

    private void keepAlive(Wire.Request request, Wire.ClientOp.KeepAlive k) {
        if (m.raftLoop.isLeader()) {
            Long ttl = m.applier.kv().leases().get(k.leaseId());
            boolean ok = ttl != null && m.lessor.keepAlive(k.leaseId(), ttl, m.env.localClock().nowNanos());
            m.reply(request.replyTo(), request.requestId(), ok
                    ? new Wire.ClientReply.LeaseAlive(k.leaseId(), ttl)
                    : new Wire.ClientReply.Error(EtcdErrors.LEASE_NOT_FOUND));
        } else if (m.raftLoop.leader() != 0) {
            m.env.transport().send(m.config.id(), (int) m.raftLoop.leader(), request);
        } else {
            m.reply(request.replyTo(), request.requestId(), new Wire.ClientReply.Error(EtcdErrors.NO_LEADER));
        }
    }

    /** Logs {@code request stats} for a request answered after more than 300 ms, as etcd's interceptor does. */
    void replied(long startNanos, String kind, Wire.ClientReply reply) {
        long took = m.scheduler.nowNanos() - startNanos;
        if (took > MemberConfig.SLOW_REQUEST_NANOS) {
            m.log.warn("request stats", "time spent", GoDuration.format(took), "request type", kind,
                    "response", reply instanceof Wire.ClientReply.Error e ? "error: " + e.message() : "ok");
        }
    }
}
