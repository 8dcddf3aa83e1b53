package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.exec.Ticker;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.Ready;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.wal.SnapshotFile;
import io.stormglass.raft.wal.WalEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * etcd's {@code raftNode.start} goroutine. It owns the ticker (one tick per heartbeat interval of
 * the member's local clock, with Go's drop semantics) and processes each Ready in etcd's order: note leadership changes,
 * hand read states to the read loop and committed entries to the apply loop, send the leader's
 * messages before persisting (thesis §10.2.1), persist the snapshot, entries and hard state
 * (WAL write, and an fdatasync when the Ready must sync), append them to the Raft storage, send
 * followers' and candidates' messages after persisting, then advance.
 *
 * <p>Persisting blocks this loop until the device completes the sync: no tick is taken
 * meanwhile, so a stalled member's Raft clock freezes, and a stalled leader sends no heartbeats.
 */
final class RaftLoop {
    private final Incarnation m;
    private final SerialExecutor executor;
    private final Ticker ticker;
    private final HeartbeatDetector heartbeats;
    private SoftState softState = new SoftState(0, StateRole.FOLLOWER);

    RaftLoop(Incarnation m, SerialExecutor executor) {
        this.m = m;
        this.executor = executor;
        // Local time: the member ticks at its own clock's pace, under the drift in force as each tick is armed.
        this.ticker = new Ticker(m.env.localScheduler(), executor, m.config.label() + "/ticker", m.config.heartbeatIntervalNanos(),
                ctx -> m.nodeLoop.tick());
        this.heartbeats = new HeartbeatDetector(2 * m.config.heartbeatIntervalNanos());
    }

    void start() {
        ticker.start();
    }

    void stop() {
        ticker.stop();
    }

    /** Ticks that came due since this loop started, delivered or dropped. */
    long firedTicks() {
        return ticker.firedTicks();
    }

    boolean isLeader() {
        return softState.role() == StateRole.LEADER;
    }

    long leader() {
        return softState.leader();
    }

    /** The node loop has a Ready: take it when this loop gets to it. */
    void offerReady() {
        executor.execute(this::processReady);
    }

    private void processReady(TaskContext ctx) {
        Ready rd = m.nodeLoop.takeReady();
        ctx.chargeCpu(m.config.cpu().readyNanos() + m.config.cpu().persistEntryNanos() * rd.entries().size());
        if (rd.softState() != null) {
            onSoftState(rd.softState());
        }
        if (!rd.readStates().isEmpty()) {
            m.readLoop.onReadStates(rd.readStates());
        }
        if (!rd.committedEntries().isEmpty() || rd.snapshot() != null) {
            m.applier.enqueue(rd.committedEntries(), rd.snapshot());
        }
        boolean leader = isLeader();
        if (leader) {
            send(rd.messages());
        }
        Completion<IoStatus> persisted = persist(rd);
        if (persisted.isDone()) {
            afterPersist(rd, leader, persisted.value()); // nothing to sync: no wait, no extra step
        } else {
            ctx.await(persisted, (c, status) -> afterPersist(rd, leader, status));
        }
    }

    private void afterPersist(Ready rd, boolean leader, IoStatus status) {
        {
            if (!status.isOk()) {
                m.fatal("failed to save Raft hard state and entries", status);
                return;
            }
            if (rd.snapshot() != null) {
                m.storage.applySnapshot(rd.snapshot());
                m.env.observer().installedSnapshot(m.config.id(), rd.snapshot().index(), rd.snapshot().term());
            }
            if (rd.hardState() != null) {
                m.storage.setHardState(rd.hardState());
            }
            m.storage.append(rd.entries());
            m.env.observer().persisted(m.config.id(), rd.hardState(), rd.entries());
            if (leader) {
                send(rd.messagesAfterPersist());
            } else {
                send(rd.allMessages());
            }
            m.nodeLoop.advance(rd);
        }
    }

    /** Saves the snapshot (file, then WAL marker) if any, then the entries and hard state. */
    private Completion<IoStatus> persist(Ready rd) {
        Completion<IoStatus> done = new Completion<>();
        List<WalEntry> entries = new ArrayList<>(rd.entries().size());
        for (Entry e : rd.entries()) {
            entries.add(Recovery.toWal(e));
        }
        Runnable saveEntries = () -> m.wal.save(Recovery.toWal(rd.hardState()), entries, rd.mustSync(),
                r -> done.complete(r.status()));
        if (rd.snapshot() == null) {
            saveEntries.run();
            return done;
        }
        SnapshotFile file = new SnapshotFile(rd.snapshot().term(), rd.snapshot().index(), rd.snapshot().data());
        m.snapshotter.save(file, r -> {
            if (!r.isOk()) {
                done.complete(r.status());
                return;
            }
            m.wal.saveSnapshot(file.marker(), r2 -> {
                if (r2.isOk()) {
                    saveEntries.run();
                } else {
                    done.complete(r2.status());
                }
            });
        });
        return done;
    }

    private void send(List<Message> messages) {
        long now = m.scheduler.nowNanos();
        for (Message msg : messages) {
            if (msg instanceof MsgHeartbeat && isLeader()) {
                long exceeded = heartbeats.observe(msg.to(), now);
                if (exceeded > 0) {
                    m.log.warn("leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk",
                            "to", Long.toHexString(msg.to()),
                            "heartbeat-interval", GoDuration.format(m.config.heartbeatIntervalNanos()),
                            "expected-duration", GoDuration.format(2 * m.config.heartbeatIntervalNanos()),
                            "exceeded-duration", GoDuration.format(exceeded));
                    m.metrics.heartbeatSendFailures.increment();
                }
            }
            m.sendRaft(msg);
            if (msg instanceof MsgSnap) {
                // etcd's snapshot sender reports the outcome once the snapshot is written to the peer's
                // stream; the simulated transport gives no delivery report, so report it sent. Without a
                // report the leader keeps the follower in snapshot state, paused, for ever: a lost
                // snapshot would never be sent again. After the report the leader probes the follower
                // and sends a new snapshot if this one never arrived.
                m.nodeLoop.reportSnapshotSent(msg.to());
            }
        }
    }

    private void onSoftState(SoftState next) {
        SoftState previous = softState;
        softState = next;
        long now = m.scheduler.nowNanos();
        long term = m.nodeLoop.term();
        int self = m.config.id();
        boolean newLeader = next.leader() != Message.NONE && next.leader() != previous.leader();
        if (newLeader) {
            m.metrics.leaderChanges.increment();
        }
        if (next.leader() != previous.leader()) {
            m.recorder.timeline().append(new TimelineEvent.LeaderChanged(now, self, term, (int) previous.leader(), (int) next.leader()));
        }
        if (next.role() != previous.role()) {
            m.recorder.timeline().append(new TimelineEvent.RoleChanged(now, self, roleOf(next.role()), term));
            if (next.role() == StateRole.PRE_CANDIDATE || next.role() == StateRole.CANDIDATE) {
                m.recorder.timeline().append(new TimelineEvent.ElectionStarted(now, self, term, next.role() == StateRole.PRE_CANDIDATE));
            }
        }
        if (next.role() == StateRole.LEADER && previous.role() != StateRole.LEADER) {
            heartbeats.reset();
            m.lessor.promote(m.env.localClock().nowNanos(), m.config.electionTimeoutNanos(), m.applier.kv().leases());
        } else if (next.role() != StateRole.LEADER && previous.role() == StateRole.LEADER) {
            m.lessor.demote();
        }
        if (newLeader) {
            m.readLoop.onLeaderChanged();
        }
        m.env.observer().softStateChanged(self, term, next.leader(), next.role());
    }

    static NodeRole roleOf(StateRole role) {
        return switch (role) {
            case FOLLOWER -> NodeRole.FOLLOWER;
            case PRE_CANDIDATE -> NodeRole.PRE_CANDIDATE;
            case CANDIDATE -> NodeRole.CANDIDATE;
            case LEADER -> NodeRole.LEADER;
        };
    }
}
