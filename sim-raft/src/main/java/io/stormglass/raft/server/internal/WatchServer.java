package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.WatchResponse;
import io.stormglass.raft.kv.WatchableStore;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * etcd's watch service on one member (server/etcdserver/api/v3rpc/watch.go over the
 * {@link WatchableStore}): each client has one watch stream to the member, whose send buffer holds
 * {@value WatchableStore#STREAM_BUFFER} responses; the stream's send loop takes them one at a time,
 * pays the gRPC stream message and its bytes on the member's cores ({@link CpuCosts#grpcStreamMessageNanos},
 * {@link CpuCosts#grpcBytesNanos}), and puts them on the network, so a large fan-out costs CPU and
 * bandwidth and, when the cores lag, buffers fill and watchers become victims. The sync loop runs
 * every {@value WatchableStore#SYNC_INTERVAL_NANOS} ns and the victim loop every
 * {@value WatchableStore#VICTIM_RETRY_NANOS} ns, both only while watchers exist (an idle member
 * schedules nothing); progress notifications go out every {@value #PROGRESS_NOTIFY_NANOS} ns
 * ({@code --experimental-watch-progress-notify-interval}, etcd's default 10 min). Watchers live as
 * long as the process.
 */
final class WatchServer {
    private static final EventKind TICK = EventKind.named("member.watch-loops");
    static final long PROGRESS_NOTIFY_NANOS = 10L * 60 * 1_000_000_000L;

    private final Scheduler scheduler;
    private final int member;
    private final KvStore kv;
    private final WatchableStore store;
    private final MemberCpu cpu;
    private final Outbox outbox;
    private final MemberLife life;
    private final Map<Integer, StreamBuffer> streams = new TreeMap<>();
    private boolean loopsRunning;
    private long ticks;

    WatchServer(Scheduler scheduler, int member, KvStore kv, MemberCpu cpu, Outbox outbox, MemberLife life) {
        this.scheduler = scheduler;
        this.member = member;
        this.kv = kv;
        this.store = new WatchableStore(kv);
        this.cpu = cpu;
        this.outbox = outbox;
        this.life = life;
        kv.onRestore(store::restored);
    }

    /**
     * A client's watch request: creates the watcher on the client's stream and acknowledges it there, with
     * the revision current at its creation (etcd's {@code created} response header).
     */
    void create(Wire.Request request, Wire.ClientOp.Watch w) {
        StreamBuffer stream = streams.computeIfAbsent(request.replyTo(), c -> new StreamBuffer(c, request.requestId()));
        long id = store.watch(stream, w.key(), w.rangeEnd(), w.startRevision());
        stream.ack(request.requestId(), id);
        startLoops();
    }

    void cancel(Wire.ClientOp.WatchCancel c) {
        store.cancel(c.watchId());
    }

    WatchableStore store() {
        return store;
    }

    private void startLoops() {
        if (!loopsRunning) {
            loopsRunning = true;
            scheduler.schedule(WatchableStore.VICTIM_RETRY_NANOS, TICK, member, this::tick);
        }
    }

    private void tick() {
        if (!life.alive() || store.watcherCount() == 0) {
            loopsRunning = false;
            return;
        }
        ticks++;
        store.retryVictims();
        if (ticks % (WatchableStore.SYNC_INTERVAL_NANOS / WatchableStore.VICTIM_RETRY_NANOS) == 0) {
            store.syncUnsynced();
        }
        if (ticks % (PROGRESS_NOTIFY_NANOS / WatchableStore.VICTIM_RETRY_NANOS) == 0) {
            store.progressNotify();
        }
        scheduler.schedule(WatchableStore.VICTIM_RETRY_NANOS, TICK, member, this::tick);
    }

    /** One client's watch stream: its bounded send buffer and the send loop draining it. */
    private final class StreamBuffer implements WatchableStore.Stream {
        private final int client;
        private final Deque<WatchResponse> buffer = new ArrayDeque<>();
        private final SerialExecutor sender;
        /** Which create request each watcher answers to, so that the client can tell its watches apart. */
        private final Map<Long, Long> requestOfWatch = new TreeMap<>();
        /** The request that opened the stream: its name on the wire. */
        private final long streamId;
        private long sent;
        private boolean draining;

        StreamBuffer(int client, long firstRequest) {
            this.client = client;
            this.streamId = firstRequest;
            this.sender = cpu.thread("n" + member + "/watch-stream-c" + client);
        }

        void ack(long requestId, long watchId) {
            requestOfWatch.put(watchId, requestId);
            offer(new WatchResponse(watchId, kv.revision(), java.util.List.of(), false, 0));
        }

        @Override
        public boolean offer(WatchResponse response) {
            if (buffer.size() >= WatchableStore.STREAM_BUFFER) {
                return false;
            }
            buffer.add(response);
            if (!draining) {
                draining = true;
                sender.execute(ctx -> drain(ctx));
            }
            return true;
        }

        private void drain(io.stormglass.engine.exec.TaskContext ctx) {
            WatchResponse r = buffer.poll();
            if (r == null || !life.alive()) {
                draining = false;
                return;
            }
            Wire.ClientReply reply = new Wire.ClientReply.Watched(r, streamId, ++sent);
            CpuCosts c = cpu.costs();
            ctx.chargeCpu(c.grpcStreamMessageNanos() + c.grpcBytesNanos(WireTraits.replyBytes(reply)));
            long requestId = requestOfWatch.getOrDefault(r.watchId(), 0L);
            if (r.canceled()) {
                requestOfWatch.remove(r.watchId());
            }
            ctx.sleep(0, next -> {
                outbox.replySpent(client, requestId, reply);
                drain(next);
            });
        }
    }
}
