package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.confchange.Changer;
import io.stormglass.raft.confchange.Restore;
import io.stormglass.raft.log.ConfChangeV2;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.tracker.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Membership changes in the core (etcd-io/raft's {@code applyConfChange}, {@code switchToConfig}, the
 * conf-change screening of {@code stepLeader} and the automatic leave of {@code appliedTo}).
 *
 * <p>As in etcd-io/raft, and unlike the thesis (§4.1: "a server always uses the latest configuration in
 * its log"), a configuration takes effect when the application applies its entry and calls
 * {@code RawNode.applyConfChange}, not when the entry is appended. What keeps that safe is that a leader
 * accepts a change only once every earlier one is applied ({@link LeaderRole#pendingConfIndex()}), and a
 * member does not campaign while a committed change is unapplied ({@link RaftLog#hasUnappliedConfChanges}),
 * so the configurations in use differ by at most one committed change.
 */
final class Reconfiguration {
    private Reconfiguration() {
    }

    /** Adopts the configuration {@code cs} (boot, snapshot installed), checking that it was restored exactly. */
    static void restore(RaftCore r, ConfState cs) {
        ConfState installed = switchTo(r, Restore.restore(r.tracker, r.log.lastIndex(), cs));
        if (!installed.equals(cs)) {
            throw new IllegalStateException(r.id + " restored " + installed + " from " + cs);
        }
    }

    /** Applies a committed change: C<sub>old</sub> to C<sub>new</sub> directly (§4.1) or through joint consensus (§4.3). */
    static ConfState apply(RaftCore r, ConfChangeV2 cc) {
        Changer changer = new Changer(r.tracker, r.log.lastIndex());
        Changer.Result result;
        if (cc.leavesJoint()) {
            result = changer.leaveJoint();
        } else if (cc.entersJoint()) {
            result = changer.enterJoint(cc.leavesJointAutomatically(), cc.changes());
        } else {
            result = changer.simple(cc.changes());
        }
        return switchTo(r, result);
    }

    /**
     * Installs a configuration. A leader that is no longer a voter steps down if configured to (thesis
     * §4.2.2: a removed leader steps down once the change is committed; here, once it is applied). A leader
     * that stays commits what the new quorum allows (a smaller quorum may commit at once), probes members
     * that joined without waiting for the next heartbeat, and abandons a transfer to a member that left.
     */
    private static ConfState switchTo(RaftCore r, Changer.Result result) {
        r.tracker.switchTo(result.config(), result.progress());
        ConfState cs = r.tracker.confState();
        if (!(r.role() instanceof LeaderRole leader)) {
            return cs;
        }
        Progress self = r.tracker.get(r.id);
        if (self == null || r.tracker.isLearner(r.id)) {
            if (r.config.stepDownOnRemoval()) {
                r.becomeFollower(r.term, Message.NONE);
            }
            return cs;
        }
        if (cs.voters().isEmpty()) {
            return cs;
        }
        if (Replication.maybeCommit(r)) {
            leader.releasePendingReadIndexMessages(r);
            Replication.broadcastAppend(r);
        } else {
            for (long id : r.tracker.progress().keySet()) {
                if (id != r.id) {
                    Replication.sendAppend(r, id, false);
                }
            }
        }
        if (leader.transferee() != Message.NONE && !r.tracker.voters().contains(leader.transferee())) {
            leader.abortTransfer();
        }
        return cs;
    }

    /**
     * The leader's screening of proposed configuration changes (etcd-io/raft {@code stepLeader}): one that
     * cannot be valid is replaced by an empty normal entry, so the proposal keeps its place in the log but
     * changes nothing. Refused: a second change while one is unapplied (thesis §4.1: "the leader does not
     * start a new change until the previous one is committed"; here, applied), any change but leaving while
     * joint, and leaving when not joint. An accepted change becomes the pending one.
     */
    static List<Entry> screenProposals(RaftCore r, LeaderRole leader, List<Entry> proposed) {
        List<Entry> out = null;
        for (int i = 0; i < proposed.size(); i++) {
            Entry e = proposed.get(i);
            if (!e.type().isConfChange()) {
                continue;
            }
            if (refusal(r, leader, ConfChanges.decode(e).asV2()) == null) {
                leader.confChangeAppendedAt(r.log.lastIndex() + i + 1);
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(proposed);
            }
            out.set(i, Entry.normal(0, 0, null));
        }
        return out == null ? proposed : out;
    }

    /** Why {@code cc} may not be appended now (etcd's texts), or null. */
    static String refusal(RaftCore r, LeaderRole leader, ConfChangeV2 cc) {
        boolean joint = r.tracker.config().isJoint();
        boolean wantsLeave = cc.changes().isEmpty();
        if (leader.pendingConfIndex() > r.log.applied()) {
            RaftProbe.CONF_CHANGE_REFUSED_PENDING.hit();
            return "possible unapplied conf change at index " + leader.pendingConfIndex() + " (applied to "
                    + r.log.applied() + ")";
        }
        if (joint && !wantsLeave) {
            return "must transition out of joint config first";
        }
        if (!joint && wantsLeave) {
            return "not in joint state; refusing empty conf change";
        }
        return null;
    }

    /**
     * After entries were applied: a leader in a joint configuration marked auto-leave proposes leaving it
     * (thesis §4.3: "once C<sub>old,new</sub> has been committed ... the leader creates a log entry
     * describing C<sub>new</sub>"), once the joint entry itself is applied. The empty payload cannot exceed
     * the proposal budget; a transfer in progress refuses it, and it is proposed again after the next apply.
     */
    static void maybeLeaveJoint(RaftCore r) {
        if (r.state != StateRole.LEADER || !(r.role() instanceof LeaderRole leader)) {
            return;
        }
        if (!r.tracker.config().autoLeave() || r.log.applied() < leader.pendingConfIndex()) {
            return;
        }
        try {
            r.step(new MsgProp(r.id, r.id, 0, List.of(ConfChanges.toEntry(ConfChangeV2.LEAVE_JOINT))));
        } catch (ProposalDroppedException e) {
            // Retried after the next apply (or left by the next leader).
        }
    }
}
