package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.PeerProgress;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.Status;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.MemberChangeResult;
import io.stormglass.raft.server.MemberOperation;
import io.stormglass.raft.tracker.TrackerConfig;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The request side of etcd's membership API on one member ({@code EtcdServer.AddMember},
 * {@code PromoteMember}, {@code RemoveMember}, {@code UpdateMember}): checks the request against what
 * the leader knows, proposes a {@link ConfChange} whose context carries the request id, and answers
 * when this member applies that entry ({@link #applied}) or when etcd's request timeout passes.
 *
 * <p>Checks, in etcd's order (server/etcdserver/server.go, api/membership/cluster.go): the handling
 * member must lead (etcd forwards a promotion to the leader, whose progress alone tells whether the
 * learner is in sync; the operator here sends every command to the leader); the id must be new for an
 * add ({@code membership: ID exists}) and known otherwise ({@code membership: ID not found}); a promoted
 * member must be a learner; at most {@code --max-learners} (1) learners; a learner is promoted only
 * once its match index reaches 90 % of the leader's ({@code readyPercentThreshold});
 * {@code --strict-reconfig-check} refuses an add, promotion or removal of a voter after which fewer
 * started voters than a quorum remain. etcd counts a voter as started once it has published its
 * attributes; here a voter counts once the leader has seen it acknowledge an append (its match index
 * is above 0), which a member that never ran cannot do. The same flag makes etcd check the leader's
 * connections ({@code mayAddMember}, {@code mayRemoveMember}, server/etcdserver/server.go, etcd main of
 * 2026): an add (learner too) needs a quorum of the grown cluster connected to the leader for the last
 * {@link #HEALTH_INTERVAL_NANOS} (a one-voter cluster may always grow); removing a voter whose connection
 * is up needs the others connected that long to still make a quorum without it; else
 * {@code etcdserver: unhealthy cluster}. A peer that restarted a moment ago has a new connection, so a
 * removal that would leave it alone is refused until it has stayed connected (found by the membership
 * campaign, seed 574: the leader removed itself from two voters 1.8 s after the other restarted, that one
 * lost power before it learnt of the commit, and the removed leader stopped).
 */
final class MemberChanges {
    private static final EventKind DEADLINE = EventKind.named("member.reconfigure-deadline");
    /** etcd's {@code readyPercentThreshold}. */
    static final double READY_PERCENT_THRESHOLD = 0.9;
    /** etcd's default {@code --max-learners}. */
    static final int MAX_LEARNERS = 1;
    /** etcd's {@code HealthInterval}: how long peers must have been connected for a reconfiguration. */
    static final long HEALTH_INTERVAL_NANOS = 5_000_000_000L;

    private record Waiter(Consumer<MemberChangeResult> done, long deadlineHandle, MemberOperation op) {
    }

    private final Scheduler scheduler;
    private final int self;
    private final boolean strict;
    private final long timeoutNanos;
    private final NodeLoop node;
    private final PeerStreams peers;
    private final MemberMetrics metrics;
    private final MemberLog log;
    private final Map<Long, Waiter> waiting = new TreeMap<>();
    private long nextRequest;

    MemberChanges(Scheduler scheduler, int self, boolean strictReconfigCheck, long timeoutNanos, NodeLoop node,
            PeerStreams peers, MemberMetrics metrics, MemberLog log) {
        this.peers = peers;
        this.scheduler = scheduler;
        this.self = self;
        this.strict = strictReconfigCheck;
        this.timeoutNanos = timeoutNanos;
        this.node = node;
        this.metrics = metrics;
        this.log = log;
    }

    /** Handles {@code op} on member {@code id}; {@code done} hears the outcome once. */
    void request(MemberOperation op, long id, Consumer<MemberChangeResult> done) {
        node.status(st -> {
            String error = refusal(st, op, id);
            if (error != null) {
                finish(op, done, MemberChangeResult.failed(error));
                return;
            }
            long requestId = ((long) self << 40) | ++nextRequest;
            long handle = scheduler.schedule(timeoutNanos, DEADLINE, requestId, () -> {
                Waiter w = waiting.remove(requestId);
                if (w != null) {
                    finish(w.op(), w.done(), MemberChangeResult.failed(EtcdErrors.REQUEST_TIMED_OUT));
                }
            });
            waiting.put(requestId, new Waiter(done, handle, op));
            ConfChange cc = new ConfChange(type(op), id, ByteBuffer.allocate(8).putLong(requestId).array());
            node.proposeConfChange(cc, dropped -> {
                Waiter w = waiting.remove(requestId);
                if (w != null) {
                    scheduler.cancel(w.deadlineHandle());
                    finish(op, done, MemberChangeResult.failed(EtcdErrors.NOT_LEADER));
                }
            });
        });
    }

    /** This member applied the change proposed with {@code context}; {@code confState} is null if it was withdrawn. */
    void applied(ConfChange cc, ConfState confState) {
        if (cc.context().length != 8) {
            return;
        }
        Waiter w = waiting.remove(ByteBuffer.wrap(cc.context()).getLong());
        if (w == null) {
            return;
        }
        scheduler.cancel(w.deadlineHandle());
        log.info("applied a configuration change through raft", "local-member-id", Long.toHexString(self),
                "raft-conf-change", cc.type().name(), "raft-conf-change-node-id", Long.toHexString(cc.nodeId()));
        finish(w.op(), w.done(), confState == null ? MemberChangeResult.failed(cc.type() == ConfChangeType.REMOVE_NODE
                ? EtcdErrors.ID_NOT_FOUND : EtcdErrors.ID_EXISTS) : new MemberChangeResult(null, confState));
    }

    /** The member crashed: nobody answers the waiting requests. */
    void abandonAll() {
        waiting.values().forEach(w -> scheduler.cancel(w.deadlineHandle()));
        waiting.clear();
    }

    private void finish(MemberOperation op, Consumer<MemberChangeResult> done, MemberChangeResult result) {
        if (op == MemberOperation.PROMOTE) {
            (result.ok() ? metrics.promoteSuccesses : metrics.promoteFailures).increment();
        }
        done.accept(result);
    }

    private static ConfChangeType type(MemberOperation op) {
        return switch (op) {
            case ADD, PROMOTE -> ConfChangeType.ADD_NODE;
            case ADD_LEARNER -> ConfChangeType.ADD_LEARNER_NODE;
            case REMOVE -> ConfChangeType.REMOVE_NODE;
            case UPDATE -> ConfChangeType.UPDATE_NODE;
        };
    }

    /** Why etcd would refuse {@code op} on {@code id} given the leader's status, or null. */
    private String refusal(Status st, MemberOperation op, long id) {
        if (st.softState().role() != StateRole.LEADER) {
            return EtcdErrors.NOT_LEADER;
        }
        TrackerConfig config = st.config();
        boolean known = config.voters().contains(id) || config.isLearner(id);
        if (op == MemberOperation.ADD || op == MemberOperation.ADD_LEARNER) {
            if (known) {
                return EtcdErrors.ID_EXISTS;
            }
            if (op == MemberOperation.ADD_LEARNER && config.learners().size() >= MAX_LEARNERS) {
                return EtcdErrors.TOO_MANY_LEARNERS;
            }
        } else if (!known) {
            return EtcdErrors.ID_NOT_FOUND;
        }
        if (op == MemberOperation.PROMOTE) {
            if (!config.isLearner(id)) {
                return EtcdErrors.MEMBER_NOT_LEARNER;
            }
            String notReady = learnerNotReady(st, id);
            if (notReady != null) {
                return notReady;
            }
        }
        if (!strict) {
            return null;
        }
        String notStarted = quorumRefusal(st, op, id);
        return notStarted != null ? notStarted : connectivityRefusal(st, op, id);
    }

    /** {@code mayAddMember}'s and {@code mayRemoveMember}'s checks of the leader's connections. */
    private String connectivityRefusal(Status st, MemberOperation op, long id) {
        boolean add = op == MemberOperation.ADD || op == MemberOperation.ADD_LEARNER;
        boolean removeVoter = op == MemberOperation.REMOVE && !st.config().isLearner(id);
        if (!add && !removeVoter) {
            return null;
        }
        List<Long> voters = st.config().voters().ids();
        if (add && voters.size() == 1) {
            return null; // etcd: a single-member cluster may always grow
        }
        if (removeVoter && id != self && !peers.active((int) id)) {
            return null; // etcd: a member that is down is not part of the active quorum
        }
        long since = scheduler.nowNanos() - HEALTH_INTERVAL_NANOS;
        int connected = 0;
        for (long v : voters) {
            connected += v == self || peers.connectedSince((int) v, since) ? 1 : 0;
        }
        boolean healthy = add ? connected >= (voters.size() + 1) / 2 + 1 : connected - 1 >= 1 + (voters.size() - 1) / 2;
        if (healthy) {
            return null;
        }
        log.warn(add ? "rejecting member add request; local member has not been connected to majority peers, reconfigure breaks active quorum"
                : "rejecting member remove request; local member has not been connected to all peers, reconfigure breaks active quorum",
                "local-member-id", Long.toHexString(self), "active-peers", Integer.toString(connected));
        return EtcdErrors.UNHEALTHY;
    }

    private String learnerNotReady(Status st, long id) {
        PeerProgress learner = st.progress().get(id);
        PeerProgress leader = st.progress().get(st.id());
        double ready = learner == null || leader == null || leader.match() == 0 ? 0 : (double) learner.match() / leader.match();
        if (ready < READY_PERCENT_THRESHOLD) {
            log.warn("rejecting promote learner: learner is not ready", "learner-ready-percent", String.format(java.util.Locale.ROOT,
                    "%.3f", ready), "ready-percent-threshold", Double.toString(READY_PERCENT_THRESHOLD));
            return EtcdErrors.LEARNER_NOT_READY;
        }
        return null;
    }

    /** {@code IsReadyToAddVotingMember}, {@code IsReadyToPromoteMember}, {@code IsReadyToRemoveVotingMember}. */
    private String quorumRefusal(Status st, MemberOperation op, long id) {
        if (op == MemberOperation.ADD_LEARNER || op == MemberOperation.UPDATE
                || (op == MemberOperation.REMOVE && st.config().isLearner(id))) {
            return null;
        }
        int members = 0;
        int started = 0;
        for (long v : st.config().voters().ids()) {
            if (op == MemberOperation.REMOVE && v == id) {
                continue;
            }
            members++;
            PeerProgress p = st.progress().get(v);
            if (v == st.id() || (p != null && p.match() > 0)) {
                started++;
            }
        }
        if (op != MemberOperation.REMOVE) {
            members++; // the member to be added or promoted counts toward the future quorum
            started += op == MemberOperation.PROMOTE ? 1 : 0;
            if (op == MemberOperation.ADD && started == 1 && members == 2) {
                return null; // etcd: adding a second member to a one-member cluster is always allowed
            }
        }
        if (started < members / 2 + 1) {
            log.warn("rejecting member " + (op == MemberOperation.REMOVE ? "remove" : op == MemberOperation.PROMOTE ? "promote" : "add")
                    + "; started member will be less than quorum", "number-of-started-member", Integer.toString(started),
                    "quorum", Integer.toString(members / 2 + 1));
            return EtcdErrors.NOT_ENOUGH_STARTED_MEMBERS;
        }
        return null;
    }
}
