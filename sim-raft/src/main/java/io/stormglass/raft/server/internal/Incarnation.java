package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.ElectionTimerRule;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.WatchableStore;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.server.Flavour;
import io.stormglass.raft.server.Member;
import io.stormglass.raft.server.MemberChangeResult;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberEnvironment;
import io.stormglass.raft.server.MemberOperation;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.storage.MemoryStorage;
import io.stormglass.raft.wal.Snapshotter;
import io.stormglass.raft.wal.WalContext;
import io.stormglass.raft.wal.WalOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One lifetime of a member process, from boot to crash: it recovers the durable state, builds the
 * member's threads and their collaborators, and wires them together. It holds no state of its own
 * that the loops reach into; each loop gets what it uses through its constructor.
 *
 * <p>How a put flows: the client's {@link Wire.Request} arrives in {@link #onMessage} and goes to
 * the {@link RequestHandler}, which registers a deadline in {@link ProposalWaits} and proposes the
 * encoded command on the {@link NodeLoop} (etcd-io/raft's {@code node.run}, the only thread that
 * touches the Raft core). A follower's core forwards the proposal to the leader; the leader's core
 * appends it and offers a {@link io.stormglass.raft.Ready} to the {@link RaftLoop} (etcd's
 * {@code raftNode.start}), which sends the append messages, persists the entry through the
 * {@link ReadyPersister} (WAL write and fdatasync, blocking that thread), and advances. When a
 * quorum has the entry, a later Ready carries it as committed; the raft loop hands it to the
 * {@link Applier}, which applies it to the {@link KvStore} on the apply thread (waiting while the
 * {@link Backend} commits its batch) and gives the result to the {@link Responder}, which answers
 * the request waiting on this member through the {@link Outbox}. If the deadline passes first,
 * the client gets {@code etcdserver: request timed out} instead.
 *
 * <p>A crash ends the incarnation ({@link #kill}): its threads are killed and late callbacks of its
 * I/O see {@link MemberLife#alive()} false and do nothing; a restart boots a new one from what the
 * disks kept.
 */
public final class Incarnation {
    private final MemberConfig config;
    private final MemberLog log;
    private final MemberLife life;
    private final KvStore kv = new KvStore();
    private final List<SerialExecutor> executors = new ArrayList<>();
    private final NodeLoop nodeLoop;
    private final RaftLoop raftLoop;
    private final Backend backend;
    private final Applier applier;
    private final ReadIndexLoop readLoop;
    private final ProposalWaits waits;
    private final RequestHandler requests;
    private final LeaseKeeper leases;
    private final MemberCpu cpu;
    private final Outbox outbox;
    private final PeerStreams peerStreams;
    private final SimRandom tickerPhase;
    private final MemberChanges memberChanges;
    private final MembershipApplier membership;
    private final Scheduler scheduler;
    /** etcd's {@code stopWithDelay(10*100ms)} after a member applies its own removal. */
    private static final long REMOVED_STOP_DELAY_NANOS = 1_000_000_000L;
    private static final EventKind REMOVED_STOP = EventKind.named("member.removed-stop");
    private final Compactor compactor;
    private final Defragmenter defragmenter;
    private long operatorRequests;
    private final WatchServer watches;
    private final SnapshotSender snapshotSender;
    private final SnapshotReceiver snapshotReceiver;

    /**
     * Boots a member from its disks.
     *
     * @param onFatal called with the reason when the member must die (as etcd's {@code lg.Fatal})
     * @param onStop  called with the reason when the member stops by itself (it applied its own removal)
     * @throws BootException if the durable state cannot be recovered
     */
    public Incarnation(MemberConfig config, MemberEnvironment env, MemberMetrics metrics, DbSpace space,
            SnapshotStates states, Consumer<String> onFatal, Consumer<String> onStop) throws BootException {
        this.config = config;
        this.tickerPhase = env.random().stream("ticker/" + config.label());
        Scheduler scheduler = env.scheduler();
        this.scheduler = scheduler;
        this.log = new MemberLog(config.id(), scheduler, env.logSink(), env.recorder().timeline());
        this.life = new MemberLife(log, onFatal);
        String label = config.label();
        this.cpu = new MemberCpu(scheduler, label, config.cpu(), life::alive);
        WalContext walCtx = new WalContext(scheduler, env.walFs(), "member/wal", WalOptions.defaults(),
                new WalFsyncWatch(log, metrics, scheduler, env.observer(), config.id())::onFsync);
        Snapshotter snapshotter = new Snapshotter(scheduler, env.dataFs(), "member/snap");
        Recovery.Booted booted = boot(walCtx, snapshotter, config, log, life);
        states.retainLoadable(snapshotter);
        MemoryStorage storage = booted.storage();
        reportRecovered(env, config.id(), booted);
        SerialExecutor nodeExec = executor(label + "/" + ThreadCpuGauges.THREADS[0]);
        SerialExecutor loopExec = executor(label + "/" + ThreadCpuGauges.THREADS[1]);
        SerialExecutor applyExec = executor(label + "/" + ThreadCpuGauges.THREADS[2]);
        SerialExecutor backendExec = executor(label + "/" + ThreadCpuGauges.THREADS[3]);
        RawNode raw = new RawNode(raftConfig(config, booted.snapshot().index()), storage, env.random().stream("raft/" + label));
        this.nodeLoop = new NodeLoop(nodeExec, raw, config.cpu().stepMessageNanos(), log, config.id(), env.observer());
        keepPlainRaftElectionTimer(config, env, nodeLoop);
        this.backend = new Backend(scheduler, backendExec, env.dataFs(), env.random().stream("backend/" + label),
                config.backendBatchIntervalNanos(), config.backendBatchLimit(), config.cpu().commitKeyNanos(),
                nanos -> {
                    metrics.backendCommit.record(nanos);
                    env.observer().backendCommitted(config.id(), scheduler.nowNanos() - nanos, scheduler.nowNanos());
                }, s -> life.fatal("failed to commit backend", s), config.id());
        this.waits = new ProposalWaits(scheduler);
        // the process starts now: its Raft messages carry the instant, so peers tell its connections from its predecessor's
        long startNanos = scheduler.nowNanos();
        this.outbox = new Outbox(config.id(), startNanos, env.transport(), cpu, env.observer());
        Outbox outbox = this.outbox;
        Responder responder = new Responder(scheduler, waits, outbox, log, env.observer(), config.id());
        this.readLoop = new ReadIndexLoop(scheduler, config, log, metrics, nodeLoop::readIndex, env.observer());
        this.leases = new LeaseKeeper(scheduler, env.localClock(), config.id(), nodeLoop, kv, life);
        SnapshotSaver snapshots = new SnapshotSaver(config, storage, snapshotter, booted.wal(), life, log, states);
        this.applier = new Applier(config, applyExec, kv, backend, readLoop, leases, snapshots, responder, env.observer(),
                metrics, log, space, states);
        this.defragmenter = new Defragmenter(env.dataFs(), backend, space, log, metrics.defrag::record, life,
                new DatabaseReads(config.mvcc().pageCacheBytes(), env.random().stream("defrag/" + label)));
        HeartbeatWatch heartbeats = new HeartbeatWatch(config, log, metrics);
        Leadership leadership = new Leadership(scheduler, config.id(), config.electionTimeoutNanos(), env.recorder().timeline(),
                metrics, heartbeats, leases, readLoop, env.observer());
        ReadyPersister persister = new ReadyPersister(config.id(), booted.wal(), snapshotter, storage, env.observer());
        // etcd: the raft loop owns the ticker, so an fsync that blocks it stops the Raft clock; a plain
        // Raft server keeps its election deadline on a thread of its own (see Flavour)
        SerialExecutor tickExec = config.flavour() == Flavour.ETCD ? loopExec : nodeExec;
        this.snapshotSender = new SnapshotSender(config.id(), scheduler, loopExec, nodeLoop, applier, space, outbox, log, life,
                env.recorder());
        this.snapshotReceiver = new SnapshotReceiver(config.id(), env.dataFs(), cpu, space, nodeLoop, outbox, log, life, env.recorder(),
                states);
        this.raftLoop = new RaftLoop(config, scheduler, env.localScheduler(), loopExec, tickExec, nodeLoop, persister,
                leadership, readLoop, applier, heartbeats, outbox, life, snapshotSender);
        this.requests = new RequestHandler(scheduler, config.requestTimeoutNanos(), nodeLoop, waits, readLoop, kv,
                leadership, leases, responder, outbox, metrics, cpu,
                new SpaceQuota(space, config.mvcc().effectiveQuotaBytes(), config.id(), nodeLoop, kv), backend,
                env.observer(), config.id());
        this.watches = new WatchServer(scheduler, config.id(), kv, cpu, outbox, life);
        requests.serveWatchesWith(watches);
        this.peerStreams = new PeerStreams(config, scheduler, cpu, nodeLoop, metrics,
                new PeerActivity(startNanos, leadership::leaderSinceNanos));
        this.compactor = new Compactor(scheduler, config.mvcc(), config.id(), nodeLoop, kv, leadership, life, log);
        // etcd's readyc and tickc: the two loops hand each other Readies and ticks
        nodeLoop.connect(raftLoop::offerReady, raftLoop::firedTicks);
        this.memberChanges = new MemberChanges(scheduler, config.id(), config.strictReconfigCheck(), config.requestTimeoutNanos(),
                nodeLoop, peerStreams, metrics, log);
        this.membership = new MembershipApplier(config.id(), storage.initialState().confState(), nodeLoop, memberChanges, metrics, log,
                env.observer(), () -> scheduler.schedule(REMOVED_STOP_DELAY_NANOS, REMOVED_STOP, config.id(), () -> {
                    if (life.alive()) {
                        onStop.accept(Member.REMOVED);
                    }
                }));
        applier.connect(membership);
        requests.listMembersFrom(membership::confState);
        applier.restore(booted.snapshot());
    }

    private static Recovery.Booted boot(WalContext walCtx, Snapshotter snapshotter, MemberConfig config, MemberLog log,
            MemberLife life) throws BootException {
        Recovery.Booted booted;
        try {
            booted = Recovery.boot(walCtx, snapshotter, initialConfState(config), config.id(), r -> {
                if (!r.isOk()) {
                    life.fatal("failed to create WAL", r.status());
                }
            });
        } catch (Recovery.BootFailure e) {
            throw new BootException(e.getMessage());
        }
        if (booted.repairedTailBytes() > 0) {
            log.info("repaired WAL tail", "bytes", Long.toString(booted.repairedTailBytes()));
        }
        return booted;
    }

    /**
     * A plain Raft server keeps its election timeout as a deadline on a thread of its own, woken late by the
     * member's own lateness stream {@code timer-wakeup/n<id>} (continued across restarts); etcd's core counts ticks.
     */
    private static void keepPlainRaftElectionTimer(MemberConfig config, MemberEnvironment env, NodeLoop nodeLoop) {
        if (config.flavour() == Flavour.PLAIN_RAFT) {
            String label = config.label();
            nodeLoop.keepElectionTimer(new ElectionTimerThread(env.localScheduler(), label + "/election-timer",
                    config.tickIntervalNanos(), config.timerWakeup(), env.random().stream("timer-wakeup/" + label),
                    nodeLoop::electionTimeout));
        }
    }

    private static RaftConfig raftConfig(MemberConfig config, long appliedIndex) {
        boolean etcd = config.flavour() == Flavour.ETCD;
        ElectionTimerRule rule = etcd ? ElectionTimerRule.ETCD_RAFT : ElectionTimerRule.RAFT_PAPER;
        // a plain Raft server keeps its election timeout as a deadline on a thread of its own (ElectionTimerThread)
        return new RaftConfig(config.id(), config.electionTicks(), config.electionTicksMax(), config.heartbeatTicks(), rule,
                config.preVote(), config.checkQuorum(),
                config.maxSizePerMsgBytes(), config.maxInflightMsgs(), RaftConfig.ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE,
                config.readOnlyOption(), false, appliedIndex, RaftConfig.ETCD_MAX_SIZE_PER_MSG, config.leaseDriftBoundPpm(), false,
                !etcd);
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

    /**
     * Starts the threads. The ticker's phase is the process's own: real members boot at different
     * moments, so their tickers never fire in lock-step; the first tick comes after a delay drawn
     * uniformly in {@code (0, tick]} from the member's {@code ticker/n<id>} stream (one stream per
     * member, continued across restarts). Ticks in lock-step would make timeouts of equal tick
     * counts expire at the same instant and split votes that real clusters do not split.
     */
    public void start() {
        long tick = config.tickIntervalNanos();
        raftLoop.start(1 + tickerPhase.nextLong(tick));
        nodeLoop.startElectionTimer();
        backend.start();
        leases.start();
        compactor.start();
        log.info("started member", "heartbeat-interval", GoDuration.format(config.heartbeatIntervalNanos()),
                "election-timeout", GoDuration.format(config.electionTimeoutNanos()));
    }

    /** Ends this lifetime: threads stop, nothing pending is ever answered. */
    public void kill() {
        life.end();
        raftLoop.stop();
        nodeLoop.stopElectionTimer();
        backend.stop();
        executors.forEach(SerialExecutor::kill);
        peerStreams.kill();
        outbox.streamWriters().forEach(SerialExecutor::kill);
        snapshotReceiver.kill();
        waits.abandonAll();
        readLoop.abandonAll();
        memberChanges.abandonAll();
    }

    public void onMessage(int from, Wire wire) {
        if (!life.alive()) {
            return;
        }
        if (wire instanceof Wire.Raft raft) {
            peerStreams.receive(from, raft.senderStartNanos(), raft.message());
        } else if (wire instanceof Wire.Request request) {
            requests.handle(request);
        } else if (wire instanceof Wire.Snapshot snapshot) {
            snapshotReceiver.receive(from, snapshot);
        } else if (wire instanceof Wire.SnapshotReceived) {
            snapshotSender.delivered(from);
        }
    }

    public SoftState softState() {
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

    /** The configuration as of the last change applied. */
    public ConfState configuration() {
        return membership.confState();
    }

    public KvStore kv() {
        return kv;
    }

    /**
     * Starts an online defragmentation (etcd's {@code Maintenance.Defragment}).
     *
     * @return false when one is already running
     */
    public boolean defragment(Runnable whenDone) {
        return defragmenter.start(kv, whenDone);
    }

    /**
     * Proposes {@code command} as an operator's call through this member would (etcdctl against
     * this endpoint), with an internal request id nobody waits on.
     */
    public void proposeAsOperator(KvCommand command) {
        long requestId = -((long) config.id() << 40) - (5L << 37) - (++operatorRequests);
        nodeLoop.propose(KvCodec.encode(new KvCodec.Proposal(requestId, command)),
                dropped -> { });
    }

    /** This member's watchers ({@code etcd_debugging_mvcc_*} metrics read it). */
    public WatchableStore watchStore() {
        return watches.store();
    }

    /** Whether a defragmentation runs now. */
    public boolean defragmenting() {
        return defragmenter.running();
    }

    /** Starts an election now (etcd's {@code raft.Node.Campaign}). */
    public void campaign() {
        nodeLoop.campaign();
    }

    public void transferLeadership(long to) {
        nodeLoop.transferLeadership(to);
    }

    /** etcd's {@code longestConnected} over the voters of this member's configuration: 0 if none is connected. */
    public int longestConnectedVoter() {
        return peerStreams.longestConnected(membership.confState().voters().stream().map(Long::intValue).toList());
    }

    /** CPU nanoseconds charged so far on thread {@code index} of {@link ThreadCpuGauges#THREADS}. */
    public long cpuNanos(int index) {
        return executors.get(index).cpuNanos();
    }

    /** Thread-nanoseconds the member's cores were busy so far, all threads and goroutines together (0 without a core limit). */
    public long machineBusyNanos() {
        return cpu.busyNanos();
    }

    /** The member's hardware threads (0 without a core limit). */
    public int machineCores() {
        return cpu.cores();
    }

    /**
     * The configuration a member without a snapshot starts from: the initial cluster's voters, for a member
     * that joins later too. etcd writes the initial members as the first entries of the log, so a member that
     * catches up from index 1 rebuilds the configuration from them; here the initial configuration is not in
     * the log, so a joining member starts from it, and the changes in the log after it apply on top as they
     * do on every other member. A snapshot's configuration replaces it.
     */
    private static ConfState initialConfState(MemberConfig config) {
        List<Long> ids = new ArrayList<>();
        for (int p : config.peers()) {
            ids.add((long) p);
        }
        return ConfState.ofVoters(ids);
    }

    /** Handles an operator's membership command on this member (see {@link MemberChanges}). */
    public void changeMembership(MemberOperation op, long id, Consumer<MemberChangeResult> done) {
        memberChanges.request(op, id, done);
    }

    private SerialExecutor executor(String name) {
        SerialExecutor e = cpu.thread(name);
        executors.add(e);
        return e;
    }
}
