package io.stormglass.raft.client;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.Transport;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.kv.Compare;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An etcd client (clientv3-like) on the simulated network: it talks to one member at a time,
 * gives each call a deadline (retries included), retries retryable errors
 * ({@code leader changed}, {@code no leader}) on the next endpoint after a backoff. When an
 * attempt gets no answer, later calls go to the next endpoint (as gRPC's balancer leaves a broken
 * connection) and a read is re-sent there at once; a write is not (it might apply twice) and
 * waits for its deadline. Failures carry etcd's words; a call past its deadline fails with
 * {@code context deadline exceeded}.
 *
 * <p>Every call is counted per operation and error, and register operations (put, get, delete,
 * compare-and-set) are recorded in the {@link History} with their outcome: a write that timed
 * out may or may not have taken effect.
 *
 * <p>One KvClient is one connection (a clientv3 {@code Client}): several callers (goroutines) may
 * share it ({@link #caller}), each a process of its own in the history. On a {@link ClientHost}
 * with a CPU model, each call costs the client side of a gRPC call on the host's cores, half before
 * it leaves and half after its reply arrives, both within its latency; the latency starts when the
 * calling goroutine first runs on a core, so a wait for a busy client machine before a call is not
 * part of it (as in etcd's benchmark tool, which reads the clock on the running goroutine). Which member a connection
 * talks to first is {@link #startAt}; {@link #rotatePerRequest} spreads its calls over every
 * endpoint in turn, as clientv3's round-robin balancer does since etcd 3.4.
 */
public final class KvClient {
    private static final EventKind DEADLINE = EventKind.named("client.deadline");
    private static final EventKind ATTEMPT_TIMEOUT = EventKind.named("client.attempt-timeout");
    private static final EventKind RETRY = EventKind.named("client.retry");

    private final int nodeId;
    private final ClientConfig config;
    private final Scheduler scheduler;
    private final Transport<Wire> transport;
    private final SimRandom random;
    private final CallRecords records;
    /** Not an etcd error: the run ended before the call was answered (its outcome is unknown). */
    static final String UNFINISHED = "unfinished: the run ended first";
    private final Map<Long, Call> inFlight = new TreeMap<>();
    private final WatchStreams watches;
    /** Calls started and not finished, by start order: what {@link #recordUnfinished()} records. */
    private final Map<Long, Call> unfinished = new TreeMap<>();
    private long nextCallSeq;
    private final ClientHost host;
    private final Caller self;
    private final EndpointCursor endpoints;
    private long nextSeq;

    /** Registers the client on the transport as node {@code nodeId}; {@code history} may be null. */
    public KvClient(int nodeId, ClientConfig config, Scheduler scheduler, Transport<Wire> transport, SimRandom random,
            Recorder recorder, History history) {
        this(nodeId, config, scheduler, transport, random, recorder, history, null);
    }

    /**
     * Registers the client on the transport as node {@code nodeId}, running on {@code host} (null: no
     * client CPU); {@code history} may be null.
     */
    public KvClient(int nodeId, ClientConfig config, Scheduler scheduler, Transport<Wire> transport, SimRandom random,
            Recorder recorder, History history, ClientHost host) {
        this.host = host == null ? ClientHost.none(scheduler) : host;
        this.self = new Caller(nodeId, true);
        this.nodeId = nodeId;
        this.config = config;
        this.scheduler = scheduler;
        this.transport = transport;
        this.random = random;
        this.records = new CallRecords(recorder, history);
        this.endpoints = new EndpointCursor(config.endpoints(), nodeId);
        this.watches = new WatchStreams(nodeId);
        transport.register(nodeId, (from, wire) -> {
            if (wire instanceof Wire.Response r && r.reply() instanceof Wire.ClientReply.Watched w) {
                this.host.receiveHalf(WireTraits.replyBytes(r.reply()), r.requestId(), () -> watches.received(from, r.requestId(), w));
            } else if (wire instanceof Wire.Response r) {
                this.host.receiveHalf(WireTraits.replyBytes(r.reply()), r.requestId(), () -> onResponse(r));
            }
        });
    }

    public int nodeId() {
        return nodeId;
    }

    /**
     * A caller sharing this connection: a process of its own in the history ({@code process} must be
     * unique in the run and have at most one call in flight); {@code recorded} false keeps its calls out
     * of the metrics and the history (a load phase before the measurement).
     */
    public Caller caller(int process, boolean recorded) {
        return new Caller(process, recorded);
    }

    /** Sends the next attempts to {@code member} first (it must be one of the endpoints). */
    public void startAt(int member) {
        if (!endpoints.startAt(member)) {
            throw new IllegalArgumentException("member " + member + " is not an endpoint of client " + nodeId);
        }
    }

    /** The member the next call goes to first. */
    public int currentEndpoint() {
        return endpoints.current();
    }

    /** The members this client may talk to: its {@code --endpoints}, or the last member list an endpoint sync set. */
    public List<Integer> endpoints() {
        return endpoints.list();
    }

    /**
     * clientv3's {@code SetEndpoints}: the members this client talks to from now on (not empty). It stays with
     * its current endpoint if that is among them.
     */
    public void setEndpoints(List<Integer> members) {
        endpoints.replace(members);
    }

    /** Whether each call goes to the next endpoint in turn (clientv3's round-robin balancer) instead of sticking to one. */
    public void rotatePerRequest(boolean rotate) {
        endpoints.rotatePerRequest(rotate);
    }

    public void put(String key, String value, Consumer<ClientResult> done) {
        self.put(key, value, done);
    }

    public void putWithLease(String key, String value, long leaseId, Consumer<ClientResult> done) {
        self.start("put", new Wire.ClientOp.Write(new KvCommand.Put(key, value, leaseId)), null, done);
    }

    public void get(String key, boolean linearizable, Consumer<ClientResult> done) {
        self.get(key, linearizable, done);
    }

    public void delete(String key, Consumer<ClientResult> done) {
        self.delete(key, done);
    }

    /** Sets {@code key} to {@code value} if it holds {@code expected}, as a txn with one value compare. */
    public void compareAndSet(String key, String expected, String value, Consumer<ClientResult> done) {
        self.compareAndSet(key, expected, value, done);
    }

    public void txn(KvCommand.Txn txn, Consumer<ClientResult> done) {
        self.txn(txn, done);
    }

    public void leaseGrant(long leaseId, long ttlNanos, Consumer<ClientResult> done) {
        self.start("lease_grant", new Wire.ClientOp.Write(new KvCommand.LeaseGrant(leaseId, ttlNanos)), null, done);
    }

    public void leaseRevoke(long leaseId, Consumer<ClientResult> done) {
        self.start("lease_revoke", new Wire.ClientOp.Write(new KvCommand.LeaseRevoke(leaseId)), null, done);
    }

    /**
     * A range of {@code [key, rangeEnd)} at {@code revision} (0: current), at most {@code limit} keys
     * (0: all); fails with etcd's compacted error below the compaction revision. Not in the history.
     */
    public void range(String key, String rangeEnd, long revision, int limit, boolean linearizable, Consumer<ClientResult> done) {
        self.start("range", new Wire.ClientOp.Read(key, rangeEnd, linearizable, revision, limit), null, done);
    }

    /** Compacts the history at {@code revision} (etcd's {@code Compact}). */
    public void compact(long revision, Consumer<ClientResult> done) {
        self.start("compact", new Wire.ClientOp.Write(new KvCommand.Compact(revision)), null, done);
    }

    /** Disarms every member's NOSPACE alarm ({@code etcdctl alarm disarm}). */
    public void alarmDisarm(Consumer<ClientResult> done) {
        self.start("alarm_disarm", new Wire.ClientOp.Write(new KvCommand.Alarm(false, 0)), null, done);
    }

    /** Shows {@code observer} every watch this client opens and every response it hands on (a checker). */
    public void observeWatches(WatchObserver observer) {
        watches.observe(observer);
    }

    /**
     * clientv3's {@code MemberList} (linearizable, its default) asked of {@code member}: the cluster's members as
     * it knows them once a read index confirms it is current. {@code done} hears the list, or null and etcd's
     * error; {@code timeoutNanos} is the call's deadline. Its attempts all go to {@code member} and leave the
     * connection's own endpoint as it is; kept out of the metrics and the history.
     */
    public void memberList(int member, long timeoutNanos, BiConsumer<Wire.ClientReply.Members, String> done) {
        start("member_list", new Wire.ClientOp.MemberList(), null, (r, reply) -> done.accept(
                reply instanceof Wire.ClientReply.Members m ? m : null, r.error()), nodeId, false, timeoutNanos, member);
    }

    /**
     * Opens a watcher on {@code member}'s watch stream (etcd's {@code Watch}); every response for it,
     * the creation acknowledgement first, goes to {@code listener}, which also hears if the stream breaks.
     * Not retried: a {@link WatchSession} re-watches.
     *
     * @return the request id the watcher's responses carry
     */
    public long watch(int member, String key, String rangeEnd, long startRevision, WatchListener listener) {
        long requestId = ((long) nodeId << 40) | ++nextSeq;
        watches.opened(requestId, member, key, rangeEnd, startRevision, listener);
        Wire.Request request = new Wire.Request(requestId, nodeId, new Wire.ClientOp.Watch(key, rangeEnd, startRevision));
        host.sendHalf(WireTraits.requestBytes(request), requestId, () -> { }, () -> transport.send(nodeId, member, request));
        return requestId;
    }

    /** Stops listening to a watcher and asks {@code member} to remove it (when it is still there). */
    public void cancelWatch(int member, long requestId, long watchId) {
        watches.closed(requestId);
        if (watchId > 0) {
            transport.send(nodeId, member, new Wire.Request(((long) nodeId << 40) | ++nextSeq, nodeId,
                    new Wire.ClientOp.WatchCancel(watchId)));
        }
    }

    public void leaseKeepAlive(long leaseId, Consumer<ClientResult> done) {
        self.start("lease_keepalive", new Wire.ClientOp.KeepAlive(leaseId), null, done);
    }

    /** One goroutine's calls over this connection: the register operations a workload issues. */
    public final class Caller {
        private final int process;
        private final boolean recorded;

        private Caller(int process, boolean recorded) {
            this.process = process;
            this.recorded = recorded;
        }

        /** The connection this caller uses. */
        public KvClient connection() {
            return KvClient.this;
        }

        public int process() {
            return process;
        }

        public void put(String key, String value, Consumer<ClientResult> done) {
            start("put", new Wire.ClientOp.Write(new KvCommand.Put(key, value, 0)),
                    new CallRecords.Recordable(Operation.Kind.WRITE, key, value, null), done);
        }

        public void get(String key, boolean linearizable, Consumer<ClientResult> done) {
            start(linearizable ? "get_linearizable" : "get_serializable", new Wire.ClientOp.Read(key, "", linearizable),
                    linearizable ? new CallRecords.Recordable(Operation.Kind.READ, key, null, null) : null, done);
        }

        public void delete(String key, Consumer<ClientResult> done) {
            start("delete", new Wire.ClientOp.Write(new KvCommand.Delete(key, "")),
                    new CallRecords.Recordable(Operation.Kind.DELETE, key, null, null), done);
        }

        /** Sets {@code key} to {@code value} if it holds {@code expected}, as a txn with one value compare. */
        public void compareAndSet(String key, String expected, String value, Consumer<ClientResult> done) {
            KvCommand.Txn txn = new KvCommand.Txn(List.of(Compare.valueEquals(key, expected)),
                    List.of(new KvCommand.Put(key, value, 0)), List.of());
            start("txn", new Wire.ClientOp.Write(txn), new CallRecords.Recordable(Operation.Kind.CAS, key, value, expected), done);
        }

        public void txn(KvCommand.Txn txn, Consumer<ClientResult> done) {
            start("txn", new Wire.ClientOp.Write(txn), null, done);
        }

        private void start(String opName, Wire.ClientOp op, CallRecords.Recordable recordable, Consumer<ClientResult> done) {
            KvClient.this.start(opName, op, recorded ? recordable : null, (r, reply) -> done.accept(r), process, recorded,
                    config.requestTimeoutNanos(), 0);
        }
    }

    private void start(String opName, Wire.ClientOp op, CallRecords.Recordable recordable, Call.Outcome done, int process,
            boolean recorded, long timeoutNanos, int pinnedEndpoint) {
        Call call = new Call(opName, op, recordable, done, process, recorded, timeoutNanos, pinnedEndpoint, scheduler.nowNanos());
        call.callSeq = ++nextCallSeq;
        unfinished.put(call.callSeq, call);
        host.pace(() -> {
            call.deadlineHandle = scheduler.schedule(call.timeoutNanos, DEADLINE, nodeId,
                    () -> finish(call, null, EtcdErrors.DEADLINE_EXCEEDED));
            send(call);
        });
    }

    private void send(Call call) {
        if (call.finished) {
            return;
        }
        call.attempts++;
        call.requestId = ((long) nodeId << 40) | ++nextSeq;
        inFlight.put(call.requestId, call);
        int endpoint = call.pinnedEndpoint > 0 ? call.pinnedEndpoint : endpoints.forAttempt();
        Wire.Request request = new Wire.Request(call.requestId, nodeId, call.op);
        // the first attempt starts the call's clock only once its goroutine runs: a wait for a client core before it
        // is not the call's latency, as etcd's benchmark reads time.Now() on the running goroutine before Do
        Runnable onCore = call.attempts == 1 ? () -> call.startNanos = scheduler.nowNanos() : () -> { };
        host.sendHalf(WireTraits.requestBytes(request), call.requestId, onCore, () -> transport.send(nodeId, endpoint, request));
        long requestId = call.requestId;
        call.attemptHandle = scheduler.schedule(config.attemptTimeoutNanos(), ATTEMPT_TIMEOUT, nodeId, () -> {
            if (call.finished || call.requestId != requestId) {
                return;
            }
            // no answer: like gRPC's balancer, leave this endpoint for the calls that follow
            if (call.pinnedEndpoint == 0) {
                endpoints.leave(endpoint);
            }
            if (!call.isWrite()) {
                inFlight.remove(requestId);
                send(call); // a read has no effect: ask the next endpoint now
            }
        });
    }

    private void onResponse(Wire.Response response) {
        Call call = inFlight.remove(response.requestId());
        if (call == null || call.finished) {
            return; // a late answer to an attempt already given up
        }
        scheduler.cancel(call.attemptHandle);
        if (response.reply() instanceof Wire.ClientReply.Error e) {
            if (EtcdErrors.retryable(e.message()) && call.attempts <= config.maxRetries()) {
                if (call.pinnedEndpoint == 0) {
                    endpoints.next();
                }
                scheduler.schedule(config.retry().delayNanos(call.attempts, random), RETRY, nodeId, () -> send(call));
            } else {
                finish(call, null, e.message());
            }
        } else {
            finish(call, response.reply(), null);
        }
    }

    /**
     * The run ends while calls are still out (a member's panic stopped it, or its clock ran out): each
     * goes into the history as invoked and never answered, so a write that may yet have been applied
     * is one the linearizability checker may place anywhere after its invocation, never a write that
     * was not made. Call once, when the simulation has stopped.
     */
    public void recordUnfinished() {
        if (!records.keepsHistory()) {
            return;
        }
        long now = scheduler.nowNanos();
        for (Call call : unfinished.values()) {
            if (call.recordable != null) {
                records.add(call.recordable, call.process, call.isWrite(), call.startNanos, null, UNFINISHED, now);
            }
        }
        unfinished.clear();
    }

    private void finish(Call call, Wire.ClientReply reply, String error) {
        if (call.finished) {
            return;
        }
        call.finished = true;
        unfinished.remove(call.callSeq);
        inFlight.remove(call.requestId);
        scheduler.cancel(call.deadlineHandle);
        scheduler.cancel(call.attemptHandle);
        long now = scheduler.nowNanos();
        long latency = now - call.startNanos;
        KvResult result = resultOf(reply);
        if (call.recorded) {
            records.count(call.opName, latency, error);
            if (call.recordable != null) {
                records.add(call.recordable, call.process, call.isWrite(), call.startNanos, result, error, now);
            }
        }
        call.done.ended(new ClientResult(result, error, latency, call.attempts), reply);
    }

    /** The KV result a reply carries (a lease keepalive's as a grant of the remaining time); null for none. */
    private static KvResult resultOf(Wire.ClientReply reply) {
        if (reply instanceof Wire.ClientReply.Ok ok) {
            return ok.result();
        }
        return reply instanceof Wire.ClientReply.LeaseAlive alive ? new KvResult.LeaseGrantResult(0, alive.leaseId(), alive.ttlNanos())
                : null;
    }
}
