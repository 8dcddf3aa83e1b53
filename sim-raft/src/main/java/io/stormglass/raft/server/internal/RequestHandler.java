package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.RequestStage;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import java.util.function.Supplier;

/**
 * etcd's gRPC handlers on one member: writes are proposed through Raft (followers' proposals are
 * forwarded by Raft to the leader) and answered when applied here, or fail after the request
 * timeout; linearizable reads go through the ReadIndex loop; serializable reads are served from
 * the local state at once; lease keepalives are served by the leader (followers forward them); a member
 * list is answered, once a read index confirms it, with the configuration this member has applied.
 * Every answer goes through the {@link Responder}, which logs {@code request stats} for slow ones.
 *
 * <p>CPU: each request first costs its handler goroutine the receiving half of the gRPC call (and,
 * for a write, the proposal) on the member's cores; only then does it reach Raft. A handler that
 * answers without blocking pays for its reply in the same run (a serializable read: receive, range,
 * reply; a lease keepalive); one that waits (a write for its apply, a linearizable read for its read
 * index) is woken for a second run that pays the rest. See {@link CpuCosts}.
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
    private final MemberCpu cpu;
    private final MemberObserver observer;
    private final int member;
    private final SpaceQuota quota;
    private final Backend backend;
    private WatchServer watches;
    private Supplier<ConfState> configuration;

    RequestHandler(Scheduler scheduler, long requestTimeoutNanos, NodeLoop nodeLoop, ProposalWaits waits,
            ReadIndexLoop readLoop, KvStore kv, Leadership leadership, LeaseKeeper leases, Responder responder,
            Outbox outbox, MemberMetrics metrics, MemberCpu cpu, SpaceQuota quota, Backend backend,
            MemberObserver observer, int member) {
        this.observer = observer;
        this.member = member;
        this.cpu = cpu;
        this.quota = quota;
        this.backend = backend;
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

    /** The member's watch service, which watch requests go to. */
    void serveWatchesWith(WatchServer server) {
        this.watches = server;
    }

    /** Where member lists come from: the configuration the member has applied. */
    void listMembersFrom(Supplier<ConfState> configuration) {
        this.configuration = configuration;
    }

    void handle(Wire.Request request) {
        CpuCosts c = cpu.costs();
        long start = scheduler.nowNanos();
        Wire.ClientOp op = request.op();
        if (op instanceof Wire.ClientOp.Watch w) {
            cpu.burst(c.grpcStreamMessageNanos(), request.requestId(), () -> watches.create(request, w));
            return;
        }
        if (op instanceof Wire.ClientOp.WatchCancel k) {
            cpu.burst(c.grpcStreamMessageNanos(), request.requestId(), () -> watches.cancel(k));
            return;
        }
        if (op instanceof Wire.ClientOp.KeepAlive k) {
            // the stream's handler loop reads the message, renews and writes the answer in one run
            cpu.burst(c.grpcStreamMessageNanos() + c.leaseNanos(), request.requestId(), () -> keepAlive(request, k));
            return;
        }
        long received = c.grpcRequestNanos() / 2 + c.grpcBytesNanos(WireTraits.requestBytes(request));
        if (op instanceof Wire.ClientOp.MemberList) {
            cpu.burst(received, request.requestId(), () -> memberList(request, start));
            return;
        }
        if (op instanceof Wire.ClientOp.Read && backend.readsBlockedBy() != null) {
            // a defragmentation holds the read lock (etcd 3.5): the range waits for it
            backend.readsBlockedBy().whenDone(s -> handle(request));
            return;
        }
        if (op instanceof Wire.ClientOp.Write w && !quota.admit(w.command())) {
            cpu.burst(received, request.requestId(), () -> responder.answer(start, "write", request.replyTo(),
                    request.requestId(), new Wire.ClientReply.Error(KvStore.NO_SPACE)));
        } else if (op instanceof Wire.ClientOp.Write w) {
            observer.requestStage(member, request.requestId(), RequestStage.RECEIVED_WRITE);
            cpu.burst(received + c.proposeNanos(), request.requestId(), () -> propose(request, w.command(), start));
        } else if (op instanceof Wire.ClientOp.Read r && !r.linearizable()) {
            // the handler goroutine receives, ranges the store and writes its reply in one run, never blocking:
            // the state it reads is the state at its start
            Wire.ClientReply reply = range(r);
            cpu.burst(received + rangeNanos(reply) + outbox.replyNanos(reply), request.requestId(),
                    () -> responder.answerSpent(start, "range", request.replyTo(), request.requestId(), reply));
        } else if (op instanceof Wire.ClientOp.Read r) {
            observer.requestStage(member, request.requestId(), RequestStage.RECEIVED_READ);
            cpu.burst(received, request.requestId(), () -> linearizableRead(request, r, start));
        }
    }

    /** The range's answer at its revision (0: the current), or etcd's compacted / future-revision error. */
    private Wire.ClientReply range(Wire.ClientOp.Read r) {
        KvResult result = kv.rangeAt(r.key(), r.rangeEnd(), r.limit(), r.revision());
        return result instanceof KvResult.Rejected rejected
                ? new Wire.ClientReply.Error(rejected.error()) : new Wire.ClientReply.Ok(result);
    }

    private long rangeNanos(Wire.ClientReply reply) {
        if (!(reply instanceof Wire.ClientReply.Ok ok)) {
            return cpu.costs().rangeNanos();
        }
        KvResult.RangeResult result = (KvResult.RangeResult) ok.result();
        return cpu.costs().rangeNanos() + result.kvs().size() * cpu.costs().rangeKeyNanos();
    }

    private void propose(Wire.Request request, KvCommand command, long start) {
        observer.requestStage(member, request.requestId(), RequestStage.PROPOSED);
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

    private void linearizableRead(Wire.Request request, Wire.ClientOp.Read r, long start) {
        Runnable serve = () -> {
            if (backend.readsBlockedBy() != null) {
                backend.readsBlockedBy().whenDone(s -> linearizableRead(request, r, start));
                return;
            }
            observer.requestStage(member, request.requestId(), RequestStage.READ_SERVED);
            // the read index is applied: the waiting handler is woken, ranges and writes its reply in one run
            Wire.ClientReply reply = range(r);
            cpu.burst(rangeNanos(reply) + outbox.replyNanos(reply), request.requestId(),
                    () -> responder.answerSpent(start, "range", request.replyTo(), request.requestId(), reply));
        };
        readLoop.request(new ReadIndexLoop.PendingRead(request.requestId(), serve, error ->
                responder.answer(start, "range", request.replyTo(), request.requestId(), new Wire.ClientReply.Error(error))));
    }

    /** etcd's linearizable {@code MemberList}: once the read index is applied, the configuration as applied here. */
    private void memberList(Wire.Request request, long start) {
        readLoop.request(new ReadIndexLoop.PendingRead(request.requestId(), () -> {
            ConfState cs = configuration.get();
            Wire.ClientReply reply = new Wire.ClientReply.Members(cs.voters().stream().map(Long::intValue).toList(),
                    cs.learners().stream().map(Long::intValue).toList());
            cpu.burst(outbox.replyNanos(reply), request.requestId(),
                    () -> responder.answerSpent(start, "member_list", request.replyTo(), request.requestId(), reply));
        }, error -> responder.answer(start, "member_list", request.replyTo(), request.requestId(), new Wire.ClientReply.Error(error))));
    }

    private void keepAlive(Wire.Request request, Wire.ClientOp.KeepAlive k) {
        if (leadership.isLeader()) {
            Long ttl = leases.keepAlive(k.leaseId());
            outbox.replySpent(request.replyTo(), request.requestId(), ttl != null
                    ? new Wire.ClientReply.LeaseAlive(k.leaseId(), ttl)
                    : new Wire.ClientReply.Error(EtcdErrors.LEASE_NOT_FOUND));
        } else if (leadership.leader() != 0) {
            outbox.forward((int) leadership.leader(), request);
        } else {
            outbox.replySpent(request.replyTo(), request.requestId(), new Wire.ClientReply.Error(EtcdErrors.NO_LEADER));
        }
    }
}
