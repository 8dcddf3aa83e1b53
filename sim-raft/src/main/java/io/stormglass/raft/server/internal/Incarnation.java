package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.kv.Lessor;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberEnvironment;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.Wal;
import io.stormglass.raft.wal.WalContext;
import io.stormglass.raft.wal.WalOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One lifetime of a member process, from boot to crash: its threads, its Raft core, its WAL and
 * its volatile state. A crash ends the incarnation (its threads are killed, late callbacks are
 * ignored); a restart boots a new one from what the disks kept.
 */
public final class Incarnation {
    private static final EventKind LEASE_CHECK = EventKind.named("member.lease-check");

    final MemberConfig config;
    final MemberEnvironment env;
    final Scheduler scheduler;
    final Recorder recorder;
    final MemberLog log;
    final MemberMetrics metrics;
    final MemoryStorage storage;
    final Wal wal;
    final Snapshotter snapshotter;
    final Lessor lessor = new Lessor();
    final Backend backend;
    final NodeLoop nodeLoop;
    final RaftLoop raftLoop;
    final Applier applier;
    final ReadIndexLoop readLoop;
    final ProposalWaits waits;
    final RequestHandler requests;
    private final List<SerialExecutor> executors = new ArrayList<>();
    private final Consumer<String> onFatal;
    private boolean alive = true;
    private long nextInternalRequestId;

    /**
     * Boots a member from its disks.
     *
     * @param onFatal called with the reason when the member must die (as etcd's {@code lg.Fatal})
     * @throws BootException if the durable state cannot be recovered
     */
    public Incarnation(MemberConfig config, MemberEnvironment env, MemberMetrics metrics, Consumer<String> onFatal)
            throws BootException {
        this.config = config;
        this.env = env;
        this.scheduler = env.scheduler();
        this.recorder = env.recorder();
        this.metrics = metrics;
        this.onFatal = onFatal;
        this.log = new MemberLog(config.id(), scheduler, env.logSink(), recorder.timeline());
        String label = config.label();
        WalContext walCtx = new WalContext(scheduler, env.walFs(), "member/wal", WalOptions.defaults(), this::onWalFsync);
        this.snapshotter = new Snapshotter(scheduler, env.dataFs(), "member/snap");
        Recovery.Booted booted;
        try {
            booted = Recovery.boot(walCtx, snapshotter, voters(), config.id(), r -> {
                if (!r.isOk()) {
                    fatal("failed to create WAL", r.status());
                }
            });
        } catch (Recovery.BootFailure e) {
            throw new BootException(e.getMessage());
        }
        if (booted.repairedTailBytes() > 0) {
            log.info("repaired WAL tail", "bytes", Long.toString(booted.repairedTailBytes()));
        }
        this.wal = booted.wal();
        this.storage = booted.storage();
        reportRecovered(env, config.id(), booted);
        SerialExecutor nodeExec = executor(label + "/" + ThreadCpuGauges.THREADS[0]);
        SerialExecutor loopExec = executor(label + "/" + ThreadCpuGauges.THREADS[1]);
        SerialExecutor applyExec = executor(label + "/" + ThreadCpuGauges.THREADS[2]);
        SerialExecutor backendExec = executor(label + "/" + ThreadCpuGauges.THREADS[3]);
        RaftConfig raftConfig = new RaftConfig(config.id(), config.electionTicks(), 1, config.preVote(), config.checkQuorum(),
                config.maxSizePerMsgBytes(), config.maxInflightMsgs(), RaftConfig.ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE,
                config.readOnlyOption(), false, booted.snapshot().index(), RaftConfig.ETCD_MAX_SIZE_PER_MSG,
                config.leaseDriftBoundPpm());
        RawNode raw = new RawNode(raftConfig, storage, env.random().stream("raft/" + label));
        // The core reads the ticks that came due on the ticker, dropped ones included (read leases).
        this.nodeLoop = new NodeLoop(nodeExec, raw, config.cpu().stepMessageNanos(), config.cpu().requestNanos(), log, config.id(),
                this::dueTicks);
        this.backend = new Backend(scheduler, backendExec, env.dataFs(), env.random().stream("backend/" + label),
                config.backendBatchIntervalNanos(), config.backendBatchLimit(), metrics.backendCommit::record,
                s -> fatal("failed to commit backend", s), config.id());
        this.waits = new ProposalWaits(scheduler);
        this.readLoop = new ReadIndexLoop(scheduler, config, log, metrics, nodeLoop::readIndex);
        this.applier = new Applier(this, applyExec);
        this.raftLoop = new RaftLoop(this, loopExec);
        this.requests = new RequestHandler(this);
        nodeLoop.onReadyOffered(raftLoop::offerReady);
        applier.restore(booted.snapshot());
    }

    private static void reportRecovered(MemberEnvironment env, int id, Recovery.Booted booted) {
        MemoryStorage s = booted.storage();
        long first = s.firstIndex();
        List<Entry> entries = s.lastIndex() >= first
                ? s.entries(first, s.lastIndex() + 1, Long.MAX_VALUE) : List.of();
        env.observer().recovered(id, booted.snapshot().index(), booted.snapshot().term(), s.initialState().hardState(),
                entries);
    }

    /** Thrown when a member cannot boot from its disks. */
    public static final class BootException extends Exception {
        BootException(String message) {
            super(message);
        }
    }

    public void start() {
        raftLoop.start();
        backend.start();
        scheduleLeaseCheck();
        log.info("started member", "heartbeat-interval", GoDuration.format(config.heartbeatIntervalNanos()),
                "election-timeout", GoDuration.format(config.electionTimeoutNanos()));
    }

    /** Ends this lifetime: threads stop, nothing pending is ever answered. */
    public void kill() {
        alive = false;
        raftLoop.stop();
        backend.stop();
        executors.forEach(SerialExecutor::kill);
        waits.abandonAll();
        readLoop.abandonAll();
    }

    public void onMessage(int from, Wire wire) {
        if (!alive) {
            return;
        }
        if (wire instanceof Wire.Raft raft) {
            nodeLoop.step(raft.message());
        } else if (wire instanceof Wire.Request request) {
            requests.handle(request);
        }
    }

    public io.stormglass.raft.SoftState softState() {
        return nodeLoop.softState();
    }

    public long term() {
        return nodeLoop.term();
    }

    public boolean isLeader() {
        return nodeLoop.isLeader();
    }

    public long appliedIndex() {
        return applier.appliedIndex();
    }

    public io.stormglass.raft.kv.KvStore kv() {
        return applier.kv();
    }

    public void transferLeadership(long to) {
        nodeLoop.transferLeadership(to);
    }

    /** CPU nanoseconds charged so far on thread {@code index} of {@link ThreadCpuGauges#THREADS}. */
    public long cpuNanos(int index) {
        return executors.get(index).cpuNanos();
    }

    /** Ticks that came due on the raft loop's ticker (0 until the loop exists). */
    private long dueTicks() {
        return raftLoop == null ? 0 : raftLoop.firedTicks();
    }

    /** False once this lifetime ended: callbacks of its I/O must then do nothing. */
    boolean alive() {
        return alive;
    }

    List<Long> voters() {
        List<Long> ids = new ArrayList<>();
        for (int p : config.peers()) {
            ids.add((long) p);
        }
        return ids;
    }

    void sendRaft(Message msg) {
        env.transport().send(config.id(), (int) msg.to(), new Wire.Raft(msg));
    }

    void reply(int to, long requestId, Wire.ClientReply reply) {
        env.transport().send(config.id(), to, new Wire.Response(requestId, reply));
    }

    /** A proposal was applied: answer its request if it waits on this member. */
    void answerProposal(long requestId, Wire.ClientReply reply) {
        ProposalWaits.Waiter w = waits.take(requestId);
        if (w != null) {
            requests.replied(w.startNanos(), "write", reply);
            reply(w.replyTo(), requestId, reply);
        }
    }

    long nextInternalRequestId() {
        // internal proposals (lease revocations) use negative ids, never a client's
        return -((long) config.id() << 40) - (++nextInternalRequestId);
    }

    /** etcd's {@code lg.Fatal}: the member process dies. */
    void fatal(String what, IoStatus status) {
        if (!alive) {
            return;
        }
        log.warn(what, "error", status.name());
        onFatal.accept(what + ": " + status.name());
    }

    private void onWalFsync(long nanos) {
        metrics.walFsync.record(nanos);
        if (nanos > MemberConfig.SLOW_FDATASYNC_NANOS) {
            metrics.slowFdatasyncs.increment();
            log.warn("slow fdatasync", "took", GoDuration.format(nanos),
                    "expected-duration", GoDuration.format(MemberConfig.SLOW_FDATASYNC_NANOS));
        }
    }

    private SerialExecutor executor(String name) {
        SerialExecutor e = new SerialExecutor(scheduler, name);
        executors.add(e);
        return e;
    }

    /** The primary lessor revokes expired leases through Raft, as etcd's lessor loop does every 500 ms. */
    private void scheduleLeaseCheck() {
        scheduler.schedule(MemberConfig.LEASE_CHECK_INTERVAL_NANOS, LEASE_CHECK, config.id(), () -> {
            if (!alive) {
                return;
            }
            for (long lease : lessor.expired(env.localClock().nowNanos())) {
                lessor.revoked(lease);
                requests.proposeInternal(new io.stormglass.raft.kv.KvCommand.LeaseRevoke(lease));
            }
            scheduleLeaseCheck();
        });
    }
}
