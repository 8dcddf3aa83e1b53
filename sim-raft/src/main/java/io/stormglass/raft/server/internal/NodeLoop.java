package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.Ready;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.StateRole;
import io.stormglass.engine.exec.Completion;
import io.stormglass.raft.Status;
import io.stormglass.raft.confchange.InvalidConfChangeException;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.server.MemberObserver;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * etcd-io/raft's {@code node.run} goroutine: the only thread that touches the Raft core. It
 * steps inbound messages, proposals, read requests and ticks, and offers a Ready to the raft
 * loop only after the previous one was advanced. While the raft loop is blocked (in an fsync),
 * this loop keeps stepping messages, so a heartbeat still resets a follower's election timer and
 * a vote is still granted in memory, but nothing they produce leaves before the next Ready.
 *
 * <p>It also logs the raft library's leader lines ({@code elected leader}, {@code changed leader
 * from A to B at term T}, {@code lost leader}) when the known leader changes, and tells the
 * {@link MemberObserver}: this is the instant a follower receives the new leader's first message,
 * which the Raft paper's failover measurement ends on (§9.3), not the later instant at which the
 * raft loop (perhaps still blocked in an fsync) takes the Ready that carries the change.
 */
final class NodeLoop {
    private final SerialExecutor executor;
    private final RawNode node;
    private final long stepCostNanos;
    private final MemberLog log;
    private final String selfHex;
    private final MemberObserver observer;
    private final int member;
    private Runnable offerReady;
    private LongSupplier dueTicks;
    private boolean readyOffered;
    private long knownLeader;
    /** Plain Raft only: the core's election timeout kept as a deadline by a thread of its own; null while the core counts ticks. */
    private ElectionTimerThread electionTimer;

    /**
     * @param stepCostNanos CPU of stepping one message, proposal or read request into the core
     * @param observer      hears each change of the leader this core knows, at the instant it steps it
     */
    NodeLoop(SerialExecutor executor, RawNode node, long stepCostNanos, MemberLog log, int member, MemberObserver observer) {
        this.executor = executor;
        this.observer = observer;
        this.member = member;
        this.node = node;
        this.stepCostNanos = stepCostNanos;
        this.log = log;
        this.selfHex = Long.toHexString(member);
    }

    /**
     * Connects this loop to the raft loop, once, before the member starts (etcd's {@code readyc} and the
     * ticker's count: the two loops need each other, so one side is connected after both exist).
     *
     * @param offerReady hands a Ready to the raft loop
     * @param dueTicks   ticks that came due on the raft loop's ticker so far, delivered or not; reported to
     *                   the core before each task so that a read lease never outlives a stall of the raft loop
     */
    void connect(Runnable offerReady, LongSupplier dueTicks) {
        if (this.offerReady != null) {
            throw new IllegalStateException("the node loop is already connected");
        }
        this.offerReady = offerReady;
        this.dueTicks = dueTicks;
    }

    /** Keeps the core's election timeout as {@code timer}'s deadline (a core with an external election timer), once, before the start. */
    void keepElectionTimer(ElectionTimerThread timer) {
        if (electionTimer != null) {
            throw new IllegalStateException("the node loop already has an election timer");
        }
        electionTimer = timer;
    }

    /** Arms the election deadline for the core's timer as it booted; nothing without an election timer thread. */
    void startElectionTimer() {
        if (electionTimer != null) {
            executor.execute(ctx -> afterStep());
        }
    }

    /** The process dies: its election timer thread waits for nothing more. */
    void stopElectionTimer() {
        if (electionTimer != null) {
            electionTimer.stop();
        }
    }

    /**
     * The election timer thread woke for the deadline of the core's timer start {@code start}: unless the timer
     * restarted since (a message stepped before this task), the timeout has run out (LogCabin's
     * {@code startNewElection}), and the candidacy's restart arms the next deadline from now.
     */
    void electionTimeout(long start) {
        executor.execute(ctx -> {
            if (node.electionTimerStarts() == start) {
                node.electionTimeout();
            }
            afterStep();
        });
    }

    void step(Message m) {
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            node.observeDueTicks(dueTicks.getAsLong());
            node.step(m);
            observer.stepped(member, m);
            afterStep();
        });
    }

    /** Proposes {@code data}; {@code onDropped} runs (on this loop) if Raft refuses it at once. */
    void propose(byte[] data, Consumer<ProposalDroppedException> onDropped) {
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            node.observeDueTicks(dueTicks.getAsLong());
            try {
                node.propose(data);
            } catch (ProposalDroppedException e) {
                onDropped.accept(e);
            }
            afterStep();
        });
    }

    /** Proposes a configuration change; {@code onDropped} runs (on this loop) if Raft refuses it at once. */
    void proposeConfChange(ConfChangeRequest cc, Consumer<ProposalDroppedException> onDropped) {
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            node.observeDueTicks(dueTicks.getAsLong());
            try {
                node.proposeConfChange(cc);
            } catch (ProposalDroppedException e) {
                onDropped.accept(e);
            }
            afterStep();
        });
    }

    /**
     * Makes a committed change take effect in the core (etcd's {@code raftNode.ApplyConfChange}, which
     * the apply goroutine calls through the node goroutine), and completes with the configuration now in
     * force, or with null if the core refused the change as invalid (then nothing changed).
     */
    Completion<ConfState> applyConfChange(ConfChangeRequest cc) {
        Completion<ConfState> done = new Completion<>();
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            ConfState cs;
            try {
                cs = node.applyConfChange(cc);
            } catch (InvalidConfChangeException e) {
                cs = null;
            }
            afterStep();
            done.complete(cs);
        });
        return done;
    }

    /** Runs {@code query} on this loop with the core's status (what a leader knows of its peers). */
    void status(Consumer<Status> query) {
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            query.accept(node.status());
        });
    }

    void readIndex(byte[] context) {
        executor.execute(ctx -> {
            ctx.chargeCpu(stepCostNanos);
            node.observeDueTicks(dueTicks.getAsLong());
            node.readIndex(context);
            afterStep();
        });
    }

    void tick() {
        executor.execute(ctx -> {
            node.observeDueTicks(dueTicks.getAsLong());
            node.tick();
            afterStep();
        });
    }

    /** Starts an election now (etcd's {@code raft.Node.Campaign}). */
    void campaign() {
        executor.execute(ctx -> {
            node.observeDueTicks(dueTicks.getAsLong());
            node.campaign();
            afterStep();
        });
    }

    void transferLeadership(long to) {
        executor.execute(ctx -> {
            node.transferLeadership(to);
            afterStep();
        });
    }

    /** Tells Raft that a snapshot to {@code peer} went out (etcd's {@code ReportSnapshot(SnapshotFinish)}). */
    void reportSnapshotSent(long peer) {
        executor.execute(ctx -> {
            node.reportSnapshot(peer, false);
            afterStep();
        });
    }

    void advance(Ready rd) {
        executor.execute(ctx -> {
            node.observeDueTicks(dueTicks.getAsLong());
            node.advance(rd);
            readyOffered = false;
            afterStep();
        });
    }

    /**
     * Accepts the offered Ready. Called by the raft loop when it gets to it, so the Ready holds
     * everything stepped up to that moment (etcd's {@code readyc} send happens when the raft loop
     * selects it).
     */
    Ready takeReady() {
        return node.ready();
    }

    SoftState softState() {
        return node.softState();
    }

    long term() {
        return node.term();
    }

    RawNode rawNode() {
        return node;
    }

    private void afterStep() {
        logLeaderChange();
        if (electionTimer != null) {
            electionTimer.follow(node);
        }
        if (!readyOffered && node.hasReady()) {
            readyOffered = true;
            offerReady.run();
        }
    }

    private void logLeaderChange() {
        long leader = node.softState().leader();
        if (leader == knownLeader) {
            return;
        }
        String term = Long.toString(term());
        if (leader != Message.NONE && knownLeader == Message.NONE) {
            log.info("raft.node: " + selfHex + " elected leader " + Long.toHexString(leader) + " at term " + term);
        } else if (leader != Message.NONE) {
            log.info("raft.node: " + selfHex + " changed leader from " + Long.toHexString(knownLeader) + " to "
                    + Long.toHexString(leader) + " at term " + term);
        } else {
            log.info("raft.node: " + selfHex + " lost leader " + Long.toHexString(knownLeader) + " at term " + term);
        }
        knownLeader = leader;
        observer.leaderKnown(member, term(), leader);
    }

    boolean isLeader() {
        return node.softState().role() == StateRole.LEADER;
    }
}
