package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Completion;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.server.MemberObserver;

/**
 * The apply side of membership changes (etcd's {@code EtcdServer.applyConfChange}): a committed
 * configuration-change entry is validated against the members this member knows (an add of a
 * member that is there, or a removal or update of one that is not, is withdrawn: passed to Raft
 * with node id 0, as etcd does), made to take effect in the Raft core only now, at apply time
 * (thesis §4.1: a server uses the latest configuration in its log, etcd-io/raft once applied),
 * logged with etcd's lines ({@code added member}, {@code promote member}, {@code removed member},
 * {@code updated member}), and reported to the {@link MemberChanges} that may wait for it. The
 * configuration in force (and the index that set it) goes into the next snapshot. A member that
 * applies its own removal stops, as etcd's does ({@code the member has been permanently removed
 * from the cluster}).
 */
final class MembershipApplier {
    private final int self;
    private final NodeLoop node;
    private final MemberChanges requests;
    private final MemberMetrics metrics;
    private final MemberLog log;
    private final Runnable removedSelf;
    private final MemberObserver observer;
    private ConfState confState;
    private long confIndex;

    /**
     * @param initial     the configuration the member booted with (its snapshot's, or the initial cluster's)
     * @param removedSelf runs once this member applied its own removal
     */
    MembershipApplier(int self, ConfState initial, NodeLoop node, MemberChanges requests, MemberMetrics metrics, MemberLog log,
            MemberObserver observer, Runnable removedSelf) {
        this.observer = observer;
        this.self = self;
        this.node = node;
        this.requests = requests;
        this.metrics = metrics;
        this.log = log;
        this.removedSelf = removedSelf;
        this.confState = initial;
        metrics.learner(initial.learners().contains((long) self));
    }

    /** The configuration as of the last change applied. */
    ConfState confState() {
        return confState;
    }

    /** The index of the entry that set {@link #confState()} (or of the snapshot it came from). */
    long confIndex() {
        return confIndex;
    }

    /** The state machine was restored from {@code snapshot}: its configuration is now in force. */
    void restored(Snapshot snapshot) {
        if (!snapshot.metadata().confState().equals(ConfState.EMPTY)) {
            confState = snapshot.metadata().confState();
        }
        confIndex = snapshot.index();
        observer.configurationApplied(self, confIndex, confState);
        metrics.learner(confState.learners().contains((long) self));
    }

    /** Applies the change {@code e} carries; completes once the Raft core has it (or withdrew it). */
    Completion<ConfState> apply(Entry e) {
        ConfChangeRequest cc = ConfChanges.decode(e);
        ConfState before = confState;
        boolean valid = valid(cc, before);
        Completion<ConfState> done = new Completion<>();
        node.applyConfChange(valid ? cc : withdrawn(cc)).whenDone(cs -> {
            ConfState now = valid ? cs : null;
            if (now != null) {
                confState = now;
                confIndex = e.index();
                metrics.learner(now.learners().contains((long) self));
                observer.configurationApplied(self, confIndex, now);
                logChange(cc, before);
            }
            if (cc instanceof ConfChange v1) {
                requests.applied(v1, now);
            }
            done.complete(now);
            if (now != null && before.contains(self) && !now.contains(self)) {
                log.warn("the member has been permanently removed from the cluster");
                removedSelf.run();
            }
        });
        return done;
    }

    /** etcd's {@code ValidateConfigurationChange} for single changes; joint (V2) changes are the core's to check. */
    private static boolean valid(ConfChangeRequest cc, ConfState cs) {
        if (!(cc instanceof ConfChange v1)) {
            return true;
        }
        boolean known = cs.contains(v1.nodeId());
        return switch (v1.type()) {
            case ADD_NODE -> !cs.voters().contains(v1.nodeId());
            case ADD_LEARNER_NODE -> !known;
            case REMOVE_NODE, UPDATE_NODE -> known;
        };
    }

    private static ConfChangeRequest withdrawn(ConfChangeRequest cc) {
        ConfChange v1 = (ConfChange) cc;
        return new ConfChange(v1.type(), 0, v1.context());
    }

    private void logChange(ConfChangeRequest cc, ConfState before) {
        for (ConfChangeSingle c : cc.asV2().changes()) {
            String id = Long.toHexString(c.nodeId());
            String local = Long.toHexString(self);
            if (c.type() == ConfChangeType.ADD_NODE && before.learners().contains(c.nodeId())) {
                log.info("promote member", "local-member-id", local, "promoted-member-id", id);
            } else if (c.type() == ConfChangeType.ADD_NODE || c.type() == ConfChangeType.ADD_LEARNER_NODE) {
                log.info("added member", "local-member-id", local, "added-peer-id", id,
                        "added-peer-is-learner", Boolean.toString(c.type() == ConfChangeType.ADD_LEARNER_NODE));
            } else if (c.type() == ConfChangeType.REMOVE_NODE) {
                log.info("removed member", "local-member-id", local, "removed-remote-peer-id", id,
                        "removed-remote-peer-is-learner", Boolean.toString(before.learners().contains(c.nodeId())));
            } else {
                log.info("updated member", "local-member-id", local, "updated-remote-peer-id", id);
            }
        }
    }
}
