package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.exec.Ticker;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.Ready;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.server.Flavour;
import io.stormglass.raft.server.MemberConfig;
import java.util.List;

/**
 * etcd's {@code raftNode.start} goroutine. It owns the ticker (one tick per tick interval of the
 * member's local clock, etcd's heartbeat interval by default, with Go's drop semantics) and
 * processes each Ready in etcd's order: note leadership changes,
 * hand read states to the read loop and committed entries to the apply loop, send the leader's
 * messages before persisting (thesis §10.2.1; a plain Raft leader, as LogCabin's before its commit
 * d021532 of February 2014, sends them after), persist the snapshot, entries and hard state
 * (WAL write, and an fdatasync when the Ready must sync), append them to the Raft storage, send
 * followers' and candidates' messages after persisting, then advance. A Ready that commits a
 * configuration change differs from etcd's: it is synced, and its commit applied and sent (by a leader
 * too) only after the sync (see {@link ReadyPersister#commitsConfChange}).
 *
 * <p>Persisting blocks this loop until the device completes the sync: in etcd no tick is taken
 * meanwhile (the ticker is this loop's), so a stalled member's Raft clock freezes, and a stalled
 * leader sends no heartbeats. A plain Raft server's ticks go to the node loop instead and keep
 * coming (see {@link io.stormglass.raft.server.Flavour}).
 */
final class RaftLoop {
    private final MemberConfig config;
    private final Scheduler scheduler;
    private final SerialExecutor executor;
    private final NodeLoop nodeLoop;
    private final ReadyPersister persister;
    private final Leadership leadership;
    private final ReadIndexLoop readLoop;
    private final Applier applier;
    private final HeartbeatWatch heartbeats;
    private final Outbox outbox;
    private final MemberLife life;
    private final Ticker ticker;
    private final SnapshotSender snapshots;

    /**
     * @param tickExecutor   where the ticker delivers its ticks: this loop's own executor in etcd (blocked by an
     *                       fsync, so ticks are dropped meanwhile), the node loop's for a plain Raft server
     * @param localScheduler the member's own clock as a scheduler: the ticker fires every tick interval
     *                       of local time, under the drift in force as each tick is armed
     */
    RaftLoop(MemberConfig config, Scheduler scheduler, Scheduler localScheduler, SerialExecutor executor,
            SerialExecutor tickExecutor, NodeLoop nodeLoop, ReadyPersister persister, Leadership leadership,
            ReadIndexLoop readLoop, Applier applier, HeartbeatWatch heartbeats, Outbox outbox, MemberLife life,
            SnapshotSender snapshots) {
        this.config = config;
        this.scheduler = scheduler;
        this.executor = executor;
        this.nodeLoop = nodeLoop;
        this.persister = persister;
        this.leadership = leadership;
        this.readLoop = readLoop;
        this.applier = applier;
        this.heartbeats = heartbeats;
        this.outbox = outbox;
        this.life = life;
        this.snapshots = snapshots;
        this.ticker = new Ticker(localScheduler, tickExecutor, config.label() + "/ticker", config.tickIntervalNanos(),
                ctx -> nodeLoop.tick());
    }

    /** Starts the ticker; its first tick comes {@code firstTickNanos} from now, in {@code (0, tick interval]}. */
    void start(long firstTickNanos) {
        ticker.start(firstTickNanos);
    }

    void stop() {
        ticker.stop();
    }

    /** Ticks that came due since this loop started, delivered or dropped. */
    long firedTicks() {
        return ticker.firedTicks();
    }

    /** The node loop has a Ready: take it when this loop gets to it. */
    void offerReady() {
        executor.execute(this::processReady);
    }

    private void processReady(TaskContext ctx) {
        Ready rd = nodeLoop.takeReady();
        ctx.chargeCpu(config.cpu().readyNanos() + config.cpu().persistEntryNanos() * rd.entries().size());
        if (rd.softState() != null) {
            leadership.changed(rd.softState(), nodeLoop.term());
        }
        if (!rd.readStates().isEmpty()) {
            readLoop.onReadStates(rd.readStates());
        }
        Completion<IoStatus> stored = new Completion<>();
        boolean commitsConfChange = ReadyPersister.commitsConfChange(rd);
        if (!commitsConfChange) {
            enqueueApply(rd, stored);
        }
        // etcd's leader sends before persisting (thesis §10.2.1); everyone else, and a plain Raft leader, after;
        // a Ready that commits a configuration change is synced before anyone hears of that commit (ReadyPersister)
        boolean sentEarly = leadership.isLeader() && config.flavour() == Flavour.ETCD && !commitsConfChange;
        if (sentEarly) {
            send(rd.messages());
        }
        Completion<IoStatus> persisted = persister.persist(rd);
        if (persisted.isDone()) {
            afterPersist(rd, sentEarly, commitsConfChange, persisted.value(), stored); // nothing to sync: no wait, no extra step
        } else {
            ctx.await(persisted, (c, status) -> afterPersist(rd, sentEarly, commitsConfChange, status, stored));
        }
    }

    private void enqueueApply(Ready rd, Completion<IoStatus> stored) {
        if (!rd.committedEntries().isEmpty() || rd.snapshot() != null) {
            applier.enqueue(rd.committedEntries(), rd.snapshot(), stored);
        }
    }

    private void afterPersist(Ready rd, boolean sentEarly, boolean applyAfterPersist, IoStatus status, Completion<IoStatus> stored) {
        if (!status.isOk()) {
            life.fatal("failed to save Raft hard state and entries", status);
            return;
        }
        if (applyAfterPersist) {
            enqueueApply(rd, stored);
        }
        persister.stored(rd);
        stored.complete(status);
        if (sentEarly) {
            send(rd.messagesAfterPersist());
        } else {
            send(rd.allMessages());
        }
        nodeLoop.advance(rd);
    }

    private void send(List<Message> messages) {
        long now = scheduler.nowNanos();
        for (int i = 0; i < messages.size(); i++) { // indexed: no iterator per Ready (issue 23)
            Message msg = messages.get(i);
            if (leadership.isLeader()) {
                heartbeats.sending(msg, now);
            }
            if (msg instanceof MsgSnap snap) {
                snapshots.send(snap, now); // with the database file, on the snapshot connection
            } else {
                outbox.sendRaft(msg);
            }
        }
    }
}
